export const id = 586;
export const ids = [586];
export const modules = {

/***/ 20586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  artifactProblems: () => (/* binding */ artifactProblems)
});

;// CONCATENATED MODULE: ./src/generated/artifact-validators.ts
const validateCurrent_fn = validate10;
const schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/current.schema.json", "title": "hyperv-converge current.json: what observe saw", "type": "object", "properties": { "schemaVersion": { "const": 1 }, "backend": { "enum": ["hyperv", "sim", "replay"] }, "host": { "type": "object", "properties": { "computerName": { "type": "string" }, "switches": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "type": { "type": "string" }, "notes": { "type": "string" }, "nat": { "type": ["string", "null"] } }, "required": ["name", "type"], "additionalProperties": false } }, "paths": { "type": "array", "items": { "type": "object", "properties": { "path": { "type": "string" }, "exists": { "type": "boolean" }, "sizeBytes": { "type": ["integer", "null"], "minimum": 0 }, "sha256": { "type": ["string", "null"], "pattern": "^[0-9a-f]{64}$" } }, "required": ["path", "exists"], "additionalProperties": false } }, "neighbors": { "type": "array", "items": { "type": "object", "properties": { "ip": { "type": "string" }, "mac": { "type": "string" }, "state": { "type": "string" } }, "required": ["ip", "mac", "state"], "additionalProperties": false } } }, "required": ["computerName", "switches", "paths", "neighbors"], "additionalProperties": false }, "complete": { "type": "boolean" }, "incomplete": { "type": "array", "items": { "type": "object", "properties": { "code": { "enum": ["host-unreachable", "agent-failed", "unparseable", "transitional-state", "unknown-state", "duplicate-name", "duplicate-id", "identity-changed", "query-failed", "permission-denied"] }, "message": { "type": "string" }, "vm": { "type": "string" } }, "required": ["code", "message"], "additionalProperties": false } }, "vms": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "state": { "type": "string", "description": "Hyper-V's VMState by name" }, "generation": { "enum": [1, 2] }, "cpus": { "type": "integer", "minimum": 1 }, "memory": { "type": "object", "properties": { "dynamic": { "type": "boolean" }, "startupBytes": { "type": "integer", "minimum": 0 }, "minimumBytes": { "type": "integer", "minimum": 0 }, "maximumBytes": { "type": "integer", "minimum": 0 } }, "required": ["dynamic", "startupBytes", "minimumBytes", "maximumBytes"], "additionalProperties": false }, "secureBoot": { "type": ["boolean", "null"] }, "notes": { "type": "string" }, "path": { "type": "string" }, "adapters": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "switch": { "type": ["string", "null"] }, "mac": { "type": "string", "pattern": "^[0-9A-F]{12}$" }, "dynamicMac": { "type": "boolean" }, "ips": { "type": "array", "items": { "type": "string" } }, "vlan": { "type": ["integer", "null"] }, "macSpoofing": { "type": "boolean" }, "dhcpGuard": { "type": "boolean" }, "routerGuard": { "type": "boolean" } }, "required": ["name", "switch", "mac", "dynamicMac", "ips"], "additionalProperties": false } }, "disks": { "type": "array", "items": { "type": "object", "properties": { "path": { "type": "string" }, "sizeBytes": { "type": "integer", "minimum": 0 }, "parentPath": { "type": ["string", "null"] }, "controllerType": { "enum": ["SCSI", "IDE"] }, "controllerNumber": { "type": "integer", "minimum": 0 }, "controllerLocation": { "type": "integer", "minimum": 0 } }, "required": ["path", "sizeBytes", "parentPath"], "additionalProperties": false } }, "dvdDrives": { "type": "array", "items": { "type": "object", "properties": { "controllerType": { "enum": ["SCSI", "IDE"] }, "controllerNumber": { "type": "integer", "minimum": 0 }, "controllerLocation": { "type": "integer", "minimum": 0 }, "path": { "type": ["string", "null"] } }, "required": ["controllerType", "controllerNumber", "controllerLocation", "path"], "additionalProperties": false } }, "tpm": { "type": ["boolean", "null"] }, "secureBootTemplate": { "type": ["string", "null"] }, "nestedVirtualization": { "type": "boolean" }, "checkpointType": { "type": "string" }, "automaticStartAction": { "type": "string" }, "automaticStartDelaySec": { "type": "integer", "minimum": 0 }, "automaticStopAction": { "type": "string" }, "compatibilityForMigration": { "type": "boolean" }, "memoryWeight": { "type": "integer", "minimum": 0 }, "memoryBuffer": { "type": "integer", "minimum": 0 }, "firstBootDevice": { "type": "string" }, "checkpoints": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } }, "required": ["id", "name"], "additionalProperties": false } }, "integrationServices": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "enabled": { "type": "boolean" }, "status": { "type": "string" } }, "required": ["id", "name", "enabled", "status"], "additionalProperties": false } } }, "required": ["id", "name", "state", "generation", "cpus", "memory", "secureBoot", "notes", "path", "adapters", "disks", "checkpoints", "integrationServices"], "additionalProperties": false } }, "observedAt": { "type": "string" }, "guests": { "type": "object", "description": "Guest network discovery, when configured" } }, "required": ["schemaVersion", "backend", "host", "complete", "incomplete", "vms"], "additionalProperties": false };
const pattern0 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern1 = new RegExp("^[0-9A-F]{12}$", "u");
const func2 = Object.prototype.hasOwnProperty;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/current.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.schemaVersion === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property '" + "schemaVersion" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.backend === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "backend" }, message: "must have required property '" + "backend" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.host === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property '" + "host" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.complete === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "complete" }, message: "must have required property '" + "complete" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.incomplete === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "incomplete" }, message: "must have required property '" + "incomplete" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.vms === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vms" }, message: "must have required property '" + "vms" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((((((key0 === "schemaVersion") || (key0 === "backend")) || (key0 === "host")) || (key0 === "complete")) || (key0 === "incomplete")) || (key0 === "vms")) || (key0 === "observedAt")) || (key0 === "guests"))) {
            const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.schemaVersion !== undefined) {
        if (1 !== data.schemaVersion) {
            const err7 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.backend !== undefined) {
        let data1 = data.backend;
        if (!(((data1 === "hyperv") || (data1 === "sim")) || (data1 === "replay"))) {
            const err8 = { instancePath: instancePath + "/backend", schemaPath: "#/properties/backend/enum", keyword: "enum", params: { allowedValues: schema11.properties.backend.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.host !== undefined) {
        let data2 = data.host;
        if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (data2.computerName === undefined) {
                const err9 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/required", keyword: "required", params: { missingProperty: "computerName" }, message: "must have required property '" + "computerName" + "'" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
            if (data2.switches === undefined) {
                const err10 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/required", keyword: "required", params: { missingProperty: "switches" }, message: "must have required property '" + "switches" + "'" };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
            if (data2.paths === undefined) {
                const err11 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property '" + "paths" + "'" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
            if (data2.neighbors === undefined) {
                const err12 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/required", keyword: "required", params: { missingProperty: "neighbors" }, message: "must have required property '" + "neighbors" + "'" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
            for (const key1 in data2) {
                if (!((((key1 === "computerName") || (key1 === "switches")) || (key1 === "paths")) || (key1 === "neighbors"))) {
                    const err13 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            if (data2.computerName !== undefined) {
                if (typeof data2.computerName !== "string") {
                    const err14 = { instancePath: instancePath + "/host/computerName", schemaPath: "#/properties/host/properties/computerName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err14];
                    }
                    else {
                        vErrors.push(err14);
                    }
                    errors++;
                }
            }
            if (data2.switches !== undefined) {
                let data4 = data2.switches;
                if (Array.isArray(data4)) {
                    const len0 = data4.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        let data5 = data4[i0];
                        if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
                            if (data5.name === undefined) {
                                const err15 = { instancePath: instancePath + "/host/switches/" + i0, schemaPath: "#/properties/host/properties/switches/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err15];
                                }
                                else {
                                    vErrors.push(err15);
                                }
                                errors++;
                            }
                            if (data5.type === undefined) {
                                const err16 = { instancePath: instancePath + "/host/switches/" + i0, schemaPath: "#/properties/host/properties/switches/items/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property '" + "type" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err16];
                                }
                                else {
                                    vErrors.push(err16);
                                }
                                errors++;
                            }
                            for (const key2 in data5) {
                                if (!((((key2 === "name") || (key2 === "type")) || (key2 === "notes")) || (key2 === "nat"))) {
                                    const err17 = { instancePath: instancePath + "/host/switches/" + i0, schemaPath: "#/properties/host/properties/switches/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err17];
                                    }
                                    else {
                                        vErrors.push(err17);
                                    }
                                    errors++;
                                }
                            }
                            if (data5.name !== undefined) {
                                if (typeof data5.name !== "string") {
                                    const err18 = { instancePath: instancePath + "/host/switches/" + i0 + "/name", schemaPath: "#/properties/host/properties/switches/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err18];
                                    }
                                    else {
                                        vErrors.push(err18);
                                    }
                                    errors++;
                                }
                            }
                            if (data5.type !== undefined) {
                                if (typeof data5.type !== "string") {
                                    const err19 = { instancePath: instancePath + "/host/switches/" + i0 + "/type", schemaPath: "#/properties/host/properties/switches/items/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err19];
                                    }
                                    else {
                                        vErrors.push(err19);
                                    }
                                    errors++;
                                }
                            }
                            if (data5.notes !== undefined) {
                                if (typeof data5.notes !== "string") {
                                    const err20 = { instancePath: instancePath + "/host/switches/" + i0 + "/notes", schemaPath: "#/properties/host/properties/switches/items/properties/notes/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err20];
                                    }
                                    else {
                                        vErrors.push(err20);
                                    }
                                    errors++;
                                }
                            }
                            if (data5.nat !== undefined) {
                                let data9 = data5.nat;
                                if ((typeof data9 !== "string") && (data9 !== null)) {
                                    const err21 = { instancePath: instancePath + "/host/switches/" + i0 + "/nat", schemaPath: "#/properties/host/properties/switches/items/properties/nat/type", keyword: "type", params: { type: schema11.properties.host.properties.switches.items.properties.nat.type }, message: "must be string,null" };
                                    if (vErrors === null) {
                                        vErrors = [err21];
                                    }
                                    else {
                                        vErrors.push(err21);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err22 = { instancePath: instancePath + "/host/switches/" + i0, schemaPath: "#/properties/host/properties/switches/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err22];
                            }
                            else {
                                vErrors.push(err22);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err23 = { instancePath: instancePath + "/host/switches", schemaPath: "#/properties/host/properties/switches/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err23];
                    }
                    else {
                        vErrors.push(err23);
                    }
                    errors++;
                }
            }
            if (data2.paths !== undefined) {
                let data10 = data2.paths;
                if (Array.isArray(data10)) {
                    const len1 = data10.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                        let data11 = data10[i1];
                        if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                            if (data11.path === undefined) {
                                const err24 = { instancePath: instancePath + "/host/paths/" + i1, schemaPath: "#/properties/host/properties/paths/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err24];
                                }
                                else {
                                    vErrors.push(err24);
                                }
                                errors++;
                            }
                            if (data11.exists === undefined) {
                                const err25 = { instancePath: instancePath + "/host/paths/" + i1, schemaPath: "#/properties/host/properties/paths/items/required", keyword: "required", params: { missingProperty: "exists" }, message: "must have required property '" + "exists" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err25];
                                }
                                else {
                                    vErrors.push(err25);
                                }
                                errors++;
                            }
                            for (const key3 in data11) {
                                if (!((((key3 === "path") || (key3 === "exists")) || (key3 === "sizeBytes")) || (key3 === "sha256"))) {
                                    const err26 = { instancePath: instancePath + "/host/paths/" + i1, schemaPath: "#/properties/host/properties/paths/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err26];
                                    }
                                    else {
                                        vErrors.push(err26);
                                    }
                                    errors++;
                                }
                            }
                            if (data11.path !== undefined) {
                                if (typeof data11.path !== "string") {
                                    const err27 = { instancePath: instancePath + "/host/paths/" + i1 + "/path", schemaPath: "#/properties/host/properties/paths/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err27];
                                    }
                                    else {
                                        vErrors.push(err27);
                                    }
                                    errors++;
                                }
                            }
                            if (data11.exists !== undefined) {
                                if (typeof data11.exists !== "boolean") {
                                    const err28 = { instancePath: instancePath + "/host/paths/" + i1 + "/exists", schemaPath: "#/properties/host/properties/paths/items/properties/exists/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                    if (vErrors === null) {
                                        vErrors = [err28];
                                    }
                                    else {
                                        vErrors.push(err28);
                                    }
                                    errors++;
                                }
                            }
                            if (data11.sizeBytes !== undefined) {
                                let data14 = data11.sizeBytes;
                                if ((!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))) && (data14 !== null)) {
                                    const err29 = { instancePath: instancePath + "/host/paths/" + i1 + "/sizeBytes", schemaPath: "#/properties/host/properties/paths/items/properties/sizeBytes/type", keyword: "type", params: { type: schema11.properties.host.properties.paths.items.properties.sizeBytes.type }, message: "must be integer,null" };
                                    if (vErrors === null) {
                                        vErrors = [err29];
                                    }
                                    else {
                                        vErrors.push(err29);
                                    }
                                    errors++;
                                }
                                if (typeof data14 == "number") {
                                    if (data14 < 0 || isNaN(data14)) {
                                        const err30 = { instancePath: instancePath + "/host/paths/" + i1 + "/sizeBytes", schemaPath: "#/properties/host/properties/paths/items/properties/sizeBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err30];
                                        }
                                        else {
                                            vErrors.push(err30);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            if (data11.sha256 !== undefined) {
                                let data15 = data11.sha256;
                                if ((typeof data15 !== "string") && (data15 !== null)) {
                                    const err31 = { instancePath: instancePath + "/host/paths/" + i1 + "/sha256", schemaPath: "#/properties/host/properties/paths/items/properties/sha256/type", keyword: "type", params: { type: schema11.properties.host.properties.paths.items.properties.sha256.type }, message: "must be string,null" };
                                    if (vErrors === null) {
                                        vErrors = [err31];
                                    }
                                    else {
                                        vErrors.push(err31);
                                    }
                                    errors++;
                                }
                                if (typeof data15 === "string") {
                                    if (!pattern0.test(data15)) {
                                        const err32 = { instancePath: instancePath + "/host/paths/" + i1 + "/sha256", schemaPath: "#/properties/host/properties/paths/items/properties/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: "must match pattern \"" + "^[0-9a-f]{64}$" + "\"" };
                                        if (vErrors === null) {
                                            vErrors = [err32];
                                        }
                                        else {
                                            vErrors.push(err32);
                                        }
                                        errors++;
                                    }
                                }
                            }
                        }
                        else {
                            const err33 = { instancePath: instancePath + "/host/paths/" + i1, schemaPath: "#/properties/host/properties/paths/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err33];
                            }
                            else {
                                vErrors.push(err33);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err34 = { instancePath: instancePath + "/host/paths", schemaPath: "#/properties/host/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err34];
                    }
                    else {
                        vErrors.push(err34);
                    }
                    errors++;
                }
            }
            if (data2.neighbors !== undefined) {
                let data16 = data2.neighbors;
                if (Array.isArray(data16)) {
                    const len2 = data16.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                        let data17 = data16[i2];
                        if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                            if (data17.ip === undefined) {
                                const err35 = { instancePath: instancePath + "/host/neighbors/" + i2, schemaPath: "#/properties/host/properties/neighbors/items/required", keyword: "required", params: { missingProperty: "ip" }, message: "must have required property '" + "ip" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err35];
                                }
                                else {
                                    vErrors.push(err35);
                                }
                                errors++;
                            }
                            if (data17.mac === undefined) {
                                const err36 = { instancePath: instancePath + "/host/neighbors/" + i2, schemaPath: "#/properties/host/properties/neighbors/items/required", keyword: "required", params: { missingProperty: "mac" }, message: "must have required property '" + "mac" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err36];
                                }
                                else {
                                    vErrors.push(err36);
                                }
                                errors++;
                            }
                            if (data17.state === undefined) {
                                const err37 = { instancePath: instancePath + "/host/neighbors/" + i2, schemaPath: "#/properties/host/properties/neighbors/items/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property '" + "state" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err37];
                                }
                                else {
                                    vErrors.push(err37);
                                }
                                errors++;
                            }
                            for (const key4 in data17) {
                                if (!(((key4 === "ip") || (key4 === "mac")) || (key4 === "state"))) {
                                    const err38 = { instancePath: instancePath + "/host/neighbors/" + i2, schemaPath: "#/properties/host/properties/neighbors/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err38];
                                    }
                                    else {
                                        vErrors.push(err38);
                                    }
                                    errors++;
                                }
                            }
                            if (data17.ip !== undefined) {
                                if (typeof data17.ip !== "string") {
                                    const err39 = { instancePath: instancePath + "/host/neighbors/" + i2 + "/ip", schemaPath: "#/properties/host/properties/neighbors/items/properties/ip/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err39];
                                    }
                                    else {
                                        vErrors.push(err39);
                                    }
                                    errors++;
                                }
                            }
                            if (data17.mac !== undefined) {
                                if (typeof data17.mac !== "string") {
                                    const err40 = { instancePath: instancePath + "/host/neighbors/" + i2 + "/mac", schemaPath: "#/properties/host/properties/neighbors/items/properties/mac/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err40];
                                    }
                                    else {
                                        vErrors.push(err40);
                                    }
                                    errors++;
                                }
                            }
                            if (data17.state !== undefined) {
                                if (typeof data17.state !== "string") {
                                    const err41 = { instancePath: instancePath + "/host/neighbors/" + i2 + "/state", schemaPath: "#/properties/host/properties/neighbors/items/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err41];
                                    }
                                    else {
                                        vErrors.push(err41);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err42 = { instancePath: instancePath + "/host/neighbors/" + i2, schemaPath: "#/properties/host/properties/neighbors/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err42];
                            }
                            else {
                                vErrors.push(err42);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err43 = { instancePath: instancePath + "/host/neighbors", schemaPath: "#/properties/host/properties/neighbors/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err43];
                    }
                    else {
                        vErrors.push(err43);
                    }
                    errors++;
                }
            }
        }
        else {
            const err44 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err44];
            }
            else {
                vErrors.push(err44);
            }
            errors++;
        }
    }
    if (data.complete !== undefined) {
        if (typeof data.complete !== "boolean") {
            const err45 = { instancePath: instancePath + "/complete", schemaPath: "#/properties/complete/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err45];
            }
            else {
                vErrors.push(err45);
            }
            errors++;
        }
    }
    if (data.incomplete !== undefined) {
        let data22 = data.incomplete;
        if (Array.isArray(data22)) {
            const len3 = data22.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data23 = data22[i3];
                if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
                    if (data23.code === undefined) {
                        const err46 = { instancePath: instancePath + "/incomplete/" + i3, schemaPath: "#/properties/incomplete/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property '" + "code" + "'" };
                        if (vErrors === null) {
                            vErrors = [err46];
                        }
                        else {
                            vErrors.push(err46);
                        }
                        errors++;
                    }
                    if (data23.message === undefined) {
                        const err47 = { instancePath: instancePath + "/incomplete/" + i3, schemaPath: "#/properties/incomplete/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                    for (const key5 in data23) {
                        if (!(((key5 === "code") || (key5 === "message")) || (key5 === "vm"))) {
                            const err48 = { instancePath: instancePath + "/incomplete/" + i3, schemaPath: "#/properties/incomplete/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err48];
                            }
                            else {
                                vErrors.push(err48);
                            }
                            errors++;
                        }
                    }
                    if (data23.code !== undefined) {
                        let data24 = data23.code;
                        if (!((((((((((data24 === "host-unreachable") || (data24 === "agent-failed")) || (data24 === "unparseable")) || (data24 === "transitional-state")) || (data24 === "unknown-state")) || (data24 === "duplicate-name")) || (data24 === "duplicate-id")) || (data24 === "identity-changed")) || (data24 === "query-failed")) || (data24 === "permission-denied"))) {
                            const err49 = { instancePath: instancePath + "/incomplete/" + i3 + "/code", schemaPath: "#/properties/incomplete/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema11.properties.incomplete.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err49];
                            }
                            else {
                                vErrors.push(err49);
                            }
                            errors++;
                        }
                    }
                    if (data23.message !== undefined) {
                        if (typeof data23.message !== "string") {
                            const err50 = { instancePath: instancePath + "/incomplete/" + i3 + "/message", schemaPath: "#/properties/incomplete/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err50];
                            }
                            else {
                                vErrors.push(err50);
                            }
                            errors++;
                        }
                    }
                    if (data23.vm !== undefined) {
                        if (typeof data23.vm !== "string") {
                            const err51 = { instancePath: instancePath + "/incomplete/" + i3 + "/vm", schemaPath: "#/properties/incomplete/items/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err51];
                            }
                            else {
                                vErrors.push(err51);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err52 = { instancePath: instancePath + "/incomplete/" + i3, schemaPath: "#/properties/incomplete/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err52];
                    }
                    else {
                        vErrors.push(err52);
                    }
                    errors++;
                }
            }
        }
        else {
            const err53 = { instancePath: instancePath + "/incomplete", schemaPath: "#/properties/incomplete/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err53];
            }
            else {
                vErrors.push(err53);
            }
            errors++;
        }
    }
    if (data.vms !== undefined) {
        let data27 = data.vms;
        if (Array.isArray(data27)) {
            const len4 = data27.length;
            for (let i4 = 0; i4 < len4; i4++) {
                let data28 = data27[i4];
                if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                    if (data28.id === undefined) {
                        const err54 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                        if (vErrors === null) {
                            vErrors = [err54];
                        }
                        else {
                            vErrors.push(err54);
                        }
                        errors++;
                    }
                    if (data28.name === undefined) {
                        const err55 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                        if (vErrors === null) {
                            vErrors = [err55];
                        }
                        else {
                            vErrors.push(err55);
                        }
                        errors++;
                    }
                    if (data28.state === undefined) {
                        const err56 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property '" + "state" + "'" };
                        if (vErrors === null) {
                            vErrors = [err56];
                        }
                        else {
                            vErrors.push(err56);
                        }
                        errors++;
                    }
                    if (data28.generation === undefined) {
                        const err57 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "generation" }, message: "must have required property '" + "generation" + "'" };
                        if (vErrors === null) {
                            vErrors = [err57];
                        }
                        else {
                            vErrors.push(err57);
                        }
                        errors++;
                    }
                    if (data28.cpus === undefined) {
                        const err58 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "cpus" }, message: "must have required property '" + "cpus" + "'" };
                        if (vErrors === null) {
                            vErrors = [err58];
                        }
                        else {
                            vErrors.push(err58);
                        }
                        errors++;
                    }
                    if (data28.memory === undefined) {
                        const err59 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "memory" }, message: "must have required property '" + "memory" + "'" };
                        if (vErrors === null) {
                            vErrors = [err59];
                        }
                        else {
                            vErrors.push(err59);
                        }
                        errors++;
                    }
                    if (data28.secureBoot === undefined) {
                        const err60 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "secureBoot" }, message: "must have required property '" + "secureBoot" + "'" };
                        if (vErrors === null) {
                            vErrors = [err60];
                        }
                        else {
                            vErrors.push(err60);
                        }
                        errors++;
                    }
                    if (data28.notes === undefined) {
                        const err61 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "notes" }, message: "must have required property '" + "notes" + "'" };
                        if (vErrors === null) {
                            vErrors = [err61];
                        }
                        else {
                            vErrors.push(err61);
                        }
                        errors++;
                    }
                    if (data28.path === undefined) {
                        const err62 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                        if (vErrors === null) {
                            vErrors = [err62];
                        }
                        else {
                            vErrors.push(err62);
                        }
                        errors++;
                    }
                    if (data28.adapters === undefined) {
                        const err63 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "adapters" }, message: "must have required property '" + "adapters" + "'" };
                        if (vErrors === null) {
                            vErrors = [err63];
                        }
                        else {
                            vErrors.push(err63);
                        }
                        errors++;
                    }
                    if (data28.disks === undefined) {
                        const err64 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "disks" }, message: "must have required property '" + "disks" + "'" };
                        if (vErrors === null) {
                            vErrors = [err64];
                        }
                        else {
                            vErrors.push(err64);
                        }
                        errors++;
                    }
                    if (data28.checkpoints === undefined) {
                        const err65 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "checkpoints" }, message: "must have required property '" + "checkpoints" + "'" };
                        if (vErrors === null) {
                            vErrors = [err65];
                        }
                        else {
                            vErrors.push(err65);
                        }
                        errors++;
                    }
                    if (data28.integrationServices === undefined) {
                        const err66 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/required", keyword: "required", params: { missingProperty: "integrationServices" }, message: "must have required property '" + "integrationServices" + "'" };
                        if (vErrors === null) {
                            vErrors = [err66];
                        }
                        else {
                            vErrors.push(err66);
                        }
                        errors++;
                    }
                    for (const key6 in data28) {
                        if (!(func2.call(schema11.properties.vms.items.properties, key6))) {
                            const err67 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err67];
                            }
                            else {
                                vErrors.push(err67);
                            }
                            errors++;
                        }
                    }
                    if (data28.id !== undefined) {
                        if (typeof data28.id !== "string") {
                            const err68 = { instancePath: instancePath + "/vms/" + i4 + "/id", schemaPath: "#/properties/vms/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err68];
                            }
                            else {
                                vErrors.push(err68);
                            }
                            errors++;
                        }
                    }
                    if (data28.name !== undefined) {
                        if (typeof data28.name !== "string") {
                            const err69 = { instancePath: instancePath + "/vms/" + i4 + "/name", schemaPath: "#/properties/vms/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err69];
                            }
                            else {
                                vErrors.push(err69);
                            }
                            errors++;
                        }
                    }
                    if (data28.state !== undefined) {
                        if (typeof data28.state !== "string") {
                            const err70 = { instancePath: instancePath + "/vms/" + i4 + "/state", schemaPath: "#/properties/vms/items/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err70];
                            }
                            else {
                                vErrors.push(err70);
                            }
                            errors++;
                        }
                    }
                    if (data28.generation !== undefined) {
                        let data32 = data28.generation;
                        if (!((data32 === 1) || (data32 === 2))) {
                            const err71 = { instancePath: instancePath + "/vms/" + i4 + "/generation", schemaPath: "#/properties/vms/items/properties/generation/enum", keyword: "enum", params: { allowedValues: schema11.properties.vms.items.properties.generation.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err71];
                            }
                            else {
                                vErrors.push(err71);
                            }
                            errors++;
                        }
                    }
                    if (data28.cpus !== undefined) {
                        let data33 = data28.cpus;
                        if (!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))) {
                            const err72 = { instancePath: instancePath + "/vms/" + i4 + "/cpus", schemaPath: "#/properties/vms/items/properties/cpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err72];
                            }
                            else {
                                vErrors.push(err72);
                            }
                            errors++;
                        }
                        if (typeof data33 == "number") {
                            if (data33 < 1 || isNaN(data33)) {
                                const err73 = { instancePath: instancePath + "/vms/" + i4 + "/cpus", schemaPath: "#/properties/vms/items/properties/cpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                if (vErrors === null) {
                                    vErrors = [err73];
                                }
                                else {
                                    vErrors.push(err73);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data28.memory !== undefined) {
                        let data34 = data28.memory;
                        if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                            if (data34.dynamic === undefined) {
                                const err74 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/required", keyword: "required", params: { missingProperty: "dynamic" }, message: "must have required property '" + "dynamic" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err74];
                                }
                                else {
                                    vErrors.push(err74);
                                }
                                errors++;
                            }
                            if (data34.startupBytes === undefined) {
                                const err75 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/required", keyword: "required", params: { missingProperty: "startupBytes" }, message: "must have required property '" + "startupBytes" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err75];
                                }
                                else {
                                    vErrors.push(err75);
                                }
                                errors++;
                            }
                            if (data34.minimumBytes === undefined) {
                                const err76 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/required", keyword: "required", params: { missingProperty: "minimumBytes" }, message: "must have required property '" + "minimumBytes" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err76];
                                }
                                else {
                                    vErrors.push(err76);
                                }
                                errors++;
                            }
                            if (data34.maximumBytes === undefined) {
                                const err77 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/required", keyword: "required", params: { missingProperty: "maximumBytes" }, message: "must have required property '" + "maximumBytes" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err77];
                                }
                                else {
                                    vErrors.push(err77);
                                }
                                errors++;
                            }
                            for (const key7 in data34) {
                                if (!((((key7 === "dynamic") || (key7 === "startupBytes")) || (key7 === "minimumBytes")) || (key7 === "maximumBytes"))) {
                                    const err78 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err78];
                                    }
                                    else {
                                        vErrors.push(err78);
                                    }
                                    errors++;
                                }
                            }
                            if (data34.dynamic !== undefined) {
                                if (typeof data34.dynamic !== "boolean") {
                                    const err79 = { instancePath: instancePath + "/vms/" + i4 + "/memory/dynamic", schemaPath: "#/properties/vms/items/properties/memory/properties/dynamic/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                    if (vErrors === null) {
                                        vErrors = [err79];
                                    }
                                    else {
                                        vErrors.push(err79);
                                    }
                                    errors++;
                                }
                            }
                            if (data34.startupBytes !== undefined) {
                                let data36 = data34.startupBytes;
                                if (!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))) {
                                    const err80 = { instancePath: instancePath + "/vms/" + i4 + "/memory/startupBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/startupBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err80];
                                    }
                                    else {
                                        vErrors.push(err80);
                                    }
                                    errors++;
                                }
                                if (typeof data36 == "number") {
                                    if (data36 < 0 || isNaN(data36)) {
                                        const err81 = { instancePath: instancePath + "/vms/" + i4 + "/memory/startupBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/startupBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err81];
                                        }
                                        else {
                                            vErrors.push(err81);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            if (data34.minimumBytes !== undefined) {
                                let data37 = data34.minimumBytes;
                                if (!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))) {
                                    const err82 = { instancePath: instancePath + "/vms/" + i4 + "/memory/minimumBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/minimumBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err82];
                                    }
                                    else {
                                        vErrors.push(err82);
                                    }
                                    errors++;
                                }
                                if (typeof data37 == "number") {
                                    if (data37 < 0 || isNaN(data37)) {
                                        const err83 = { instancePath: instancePath + "/vms/" + i4 + "/memory/minimumBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/minimumBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err83];
                                        }
                                        else {
                                            vErrors.push(err83);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            if (data34.maximumBytes !== undefined) {
                                let data38 = data34.maximumBytes;
                                if (!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))) {
                                    const err84 = { instancePath: instancePath + "/vms/" + i4 + "/memory/maximumBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/maximumBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err84];
                                    }
                                    else {
                                        vErrors.push(err84);
                                    }
                                    errors++;
                                }
                                if (typeof data38 == "number") {
                                    if (data38 < 0 || isNaN(data38)) {
                                        const err85 = { instancePath: instancePath + "/vms/" + i4 + "/memory/maximumBytes", schemaPath: "#/properties/vms/items/properties/memory/properties/maximumBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err85];
                                        }
                                        else {
                                            vErrors.push(err85);
                                        }
                                        errors++;
                                    }
                                }
                            }
                        }
                        else {
                            const err86 = { instancePath: instancePath + "/vms/" + i4 + "/memory", schemaPath: "#/properties/vms/items/properties/memory/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err86];
                            }
                            else {
                                vErrors.push(err86);
                            }
                            errors++;
                        }
                    }
                    if (data28.secureBoot !== undefined) {
                        let data39 = data28.secureBoot;
                        if ((typeof data39 !== "boolean") && (data39 !== null)) {
                            const err87 = { instancePath: instancePath + "/vms/" + i4 + "/secureBoot", schemaPath: "#/properties/vms/items/properties/secureBoot/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.secureBoot.type }, message: "must be boolean,null" };
                            if (vErrors === null) {
                                vErrors = [err87];
                            }
                            else {
                                vErrors.push(err87);
                            }
                            errors++;
                        }
                    }
                    if (data28.notes !== undefined) {
                        if (typeof data28.notes !== "string") {
                            const err88 = { instancePath: instancePath + "/vms/" + i4 + "/notes", schemaPath: "#/properties/vms/items/properties/notes/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err88];
                            }
                            else {
                                vErrors.push(err88);
                            }
                            errors++;
                        }
                    }
                    if (data28.path !== undefined) {
                        if (typeof data28.path !== "string") {
                            const err89 = { instancePath: instancePath + "/vms/" + i4 + "/path", schemaPath: "#/properties/vms/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err89];
                            }
                            else {
                                vErrors.push(err89);
                            }
                            errors++;
                        }
                    }
                    if (data28.adapters !== undefined) {
                        let data42 = data28.adapters;
                        if (Array.isArray(data42)) {
                            const len5 = data42.length;
                            for (let i5 = 0; i5 < len5; i5++) {
                                let data43 = data42[i5];
                                if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
                                    if (data43.name === undefined) {
                                        const err90 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err90];
                                        }
                                        else {
                                            vErrors.push(err90);
                                        }
                                        errors++;
                                    }
                                    if (data43.switch === undefined) {
                                        const err91 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/required", keyword: "required", params: { missingProperty: "switch" }, message: "must have required property '" + "switch" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err91];
                                        }
                                        else {
                                            vErrors.push(err91);
                                        }
                                        errors++;
                                    }
                                    if (data43.mac === undefined) {
                                        const err92 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/required", keyword: "required", params: { missingProperty: "mac" }, message: "must have required property '" + "mac" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err92];
                                        }
                                        else {
                                            vErrors.push(err92);
                                        }
                                        errors++;
                                    }
                                    if (data43.dynamicMac === undefined) {
                                        const err93 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/required", keyword: "required", params: { missingProperty: "dynamicMac" }, message: "must have required property '" + "dynamicMac" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err93];
                                        }
                                        else {
                                            vErrors.push(err93);
                                        }
                                        errors++;
                                    }
                                    if (data43.ips === undefined) {
                                        const err94 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/required", keyword: "required", params: { missingProperty: "ips" }, message: "must have required property '" + "ips" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err94];
                                        }
                                        else {
                                            vErrors.push(err94);
                                        }
                                        errors++;
                                    }
                                    for (const key8 in data43) {
                                        if (!(func2.call(schema11.properties.vms.items.properties.adapters.items.properties, key8))) {
                                            const err95 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err95];
                                            }
                                            else {
                                                vErrors.push(err95);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.name !== undefined) {
                                        if (typeof data43.name !== "string") {
                                            const err96 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/name", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err96];
                                            }
                                            else {
                                                vErrors.push(err96);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.switch !== undefined) {
                                        let data45 = data43.switch;
                                        if ((typeof data45 !== "string") && (data45 !== null)) {
                                            const err97 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/switch", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/switch/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.adapters.items.properties.switch.type }, message: "must be string,null" };
                                            if (vErrors === null) {
                                                vErrors = [err97];
                                            }
                                            else {
                                                vErrors.push(err97);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.mac !== undefined) {
                                        let data46 = data43.mac;
                                        if (typeof data46 === "string") {
                                            if (!pattern1.test(data46)) {
                                                const err98 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/mac", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/mac/pattern", keyword: "pattern", params: { pattern: "^[0-9A-F]{12}$" }, message: "must match pattern \"" + "^[0-9A-F]{12}$" + "\"" };
                                                if (vErrors === null) {
                                                    vErrors = [err98];
                                                }
                                                else {
                                                    vErrors.push(err98);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err99 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/mac", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/mac/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err99];
                                            }
                                            else {
                                                vErrors.push(err99);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.dynamicMac !== undefined) {
                                        if (typeof data43.dynamicMac !== "boolean") {
                                            const err100 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/dynamicMac", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/dynamicMac/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                            if (vErrors === null) {
                                                vErrors = [err100];
                                            }
                                            else {
                                                vErrors.push(err100);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.ips !== undefined) {
                                        let data48 = data43.ips;
                                        if (Array.isArray(data48)) {
                                            const len6 = data48.length;
                                            for (let i6 = 0; i6 < len6; i6++) {
                                                if (typeof data48[i6] !== "string") {
                                                    const err101 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/ips/" + i6, schemaPath: "#/properties/vms/items/properties/adapters/items/properties/ips/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                    if (vErrors === null) {
                                                        vErrors = [err101];
                                                    }
                                                    else {
                                                        vErrors.push(err101);
                                                    }
                                                    errors++;
                                                }
                                            }
                                        }
                                        else {
                                            const err102 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/ips", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/ips/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                            if (vErrors === null) {
                                                vErrors = [err102];
                                            }
                                            else {
                                                vErrors.push(err102);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.vlan !== undefined) {
                                        let data50 = data43.vlan;
                                        if ((!((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50)))) && (data50 !== null)) {
                                            const err103 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/vlan", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/vlan/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.adapters.items.properties.vlan.type }, message: "must be integer,null" };
                                            if (vErrors === null) {
                                                vErrors = [err103];
                                            }
                                            else {
                                                vErrors.push(err103);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.macSpoofing !== undefined) {
                                        if (typeof data43.macSpoofing !== "boolean") {
                                            const err104 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/macSpoofing", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/macSpoofing/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                            if (vErrors === null) {
                                                vErrors = [err104];
                                            }
                                            else {
                                                vErrors.push(err104);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.dhcpGuard !== undefined) {
                                        if (typeof data43.dhcpGuard !== "boolean") {
                                            const err105 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/dhcpGuard", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/dhcpGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                            if (vErrors === null) {
                                                vErrors = [err105];
                                            }
                                            else {
                                                vErrors.push(err105);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data43.routerGuard !== undefined) {
                                        if (typeof data43.routerGuard !== "boolean") {
                                            const err106 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5 + "/routerGuard", schemaPath: "#/properties/vms/items/properties/adapters/items/properties/routerGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                            if (vErrors === null) {
                                                vErrors = [err106];
                                            }
                                            else {
                                                vErrors.push(err106);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err107 = { instancePath: instancePath + "/vms/" + i4 + "/adapters/" + i5, schemaPath: "#/properties/vms/items/properties/adapters/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err107];
                                    }
                                    else {
                                        vErrors.push(err107);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err108 = { instancePath: instancePath + "/vms/" + i4 + "/adapters", schemaPath: "#/properties/vms/items/properties/adapters/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err108];
                            }
                            else {
                                vErrors.push(err108);
                            }
                            errors++;
                        }
                    }
                    if (data28.disks !== undefined) {
                        let data54 = data28.disks;
                        if (Array.isArray(data54)) {
                            const len7 = data54.length;
                            for (let i7 = 0; i7 < len7; i7++) {
                                let data55 = data54[i7];
                                if (data55 && typeof data55 == "object" && !Array.isArray(data55)) {
                                    if (data55.path === undefined) {
                                        const err109 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7, schemaPath: "#/properties/vms/items/properties/disks/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err109];
                                        }
                                        else {
                                            vErrors.push(err109);
                                        }
                                        errors++;
                                    }
                                    if (data55.sizeBytes === undefined) {
                                        const err110 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7, schemaPath: "#/properties/vms/items/properties/disks/items/required", keyword: "required", params: { missingProperty: "sizeBytes" }, message: "must have required property '" + "sizeBytes" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err110];
                                        }
                                        else {
                                            vErrors.push(err110);
                                        }
                                        errors++;
                                    }
                                    if (data55.parentPath === undefined) {
                                        const err111 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7, schemaPath: "#/properties/vms/items/properties/disks/items/required", keyword: "required", params: { missingProperty: "parentPath" }, message: "must have required property '" + "parentPath" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err111];
                                        }
                                        else {
                                            vErrors.push(err111);
                                        }
                                        errors++;
                                    }
                                    for (const key9 in data55) {
                                        if (!((((((key9 === "path") || (key9 === "sizeBytes")) || (key9 === "parentPath")) || (key9 === "controllerType")) || (key9 === "controllerNumber")) || (key9 === "controllerLocation"))) {
                                            const err112 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7, schemaPath: "#/properties/vms/items/properties/disks/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err112];
                                            }
                                            else {
                                                vErrors.push(err112);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data55.path !== undefined) {
                                        if (typeof data55.path !== "string") {
                                            const err113 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/path", schemaPath: "#/properties/vms/items/properties/disks/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err113];
                                            }
                                            else {
                                                vErrors.push(err113);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data55.sizeBytes !== undefined) {
                                        let data57 = data55.sizeBytes;
                                        if (!((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57)))) {
                                            const err114 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/sizeBytes", schemaPath: "#/properties/vms/items/properties/disks/items/properties/sizeBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            if (vErrors === null) {
                                                vErrors = [err114];
                                            }
                                            else {
                                                vErrors.push(err114);
                                            }
                                            errors++;
                                        }
                                        if (typeof data57 == "number") {
                                            if (data57 < 0 || isNaN(data57)) {
                                                const err115 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/sizeBytes", schemaPath: "#/properties/vms/items/properties/disks/items/properties/sizeBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err115];
                                                }
                                                else {
                                                    vErrors.push(err115);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    if (data55.parentPath !== undefined) {
                                        let data58 = data55.parentPath;
                                        if ((typeof data58 !== "string") && (data58 !== null)) {
                                            const err116 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/parentPath", schemaPath: "#/properties/vms/items/properties/disks/items/properties/parentPath/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.disks.items.properties.parentPath.type }, message: "must be string,null" };
                                            if (vErrors === null) {
                                                vErrors = [err116];
                                            }
                                            else {
                                                vErrors.push(err116);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data55.controllerType !== undefined) {
                                        let data59 = data55.controllerType;
                                        if (!((data59 === "SCSI") || (data59 === "IDE"))) {
                                            const err117 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/controllerType", schemaPath: "#/properties/vms/items/properties/disks/items/properties/controllerType/enum", keyword: "enum", params: { allowedValues: schema11.properties.vms.items.properties.disks.items.properties.controllerType.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err117];
                                            }
                                            else {
                                                vErrors.push(err117);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data55.controllerNumber !== undefined) {
                                        let data60 = data55.controllerNumber;
                                        if (!((typeof data60 == "number") && (!(data60 % 1) && !isNaN(data60)))) {
                                            const err118 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/controllerNumber", schemaPath: "#/properties/vms/items/properties/disks/items/properties/controllerNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            if (vErrors === null) {
                                                vErrors = [err118];
                                            }
                                            else {
                                                vErrors.push(err118);
                                            }
                                            errors++;
                                        }
                                        if (typeof data60 == "number") {
                                            if (data60 < 0 || isNaN(data60)) {
                                                const err119 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/controllerNumber", schemaPath: "#/properties/vms/items/properties/disks/items/properties/controllerNumber/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err119];
                                                }
                                                else {
                                                    vErrors.push(err119);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    if (data55.controllerLocation !== undefined) {
                                        let data61 = data55.controllerLocation;
                                        if (!((typeof data61 == "number") && (!(data61 % 1) && !isNaN(data61)))) {
                                            const err120 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/controllerLocation", schemaPath: "#/properties/vms/items/properties/disks/items/properties/controllerLocation/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            if (vErrors === null) {
                                                vErrors = [err120];
                                            }
                                            else {
                                                vErrors.push(err120);
                                            }
                                            errors++;
                                        }
                                        if (typeof data61 == "number") {
                                            if (data61 < 0 || isNaN(data61)) {
                                                const err121 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7 + "/controllerLocation", schemaPath: "#/properties/vms/items/properties/disks/items/properties/controllerLocation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err121];
                                                }
                                                else {
                                                    vErrors.push(err121);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                }
                                else {
                                    const err122 = { instancePath: instancePath + "/vms/" + i4 + "/disks/" + i7, schemaPath: "#/properties/vms/items/properties/disks/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err122];
                                    }
                                    else {
                                        vErrors.push(err122);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err123 = { instancePath: instancePath + "/vms/" + i4 + "/disks", schemaPath: "#/properties/vms/items/properties/disks/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err123];
                            }
                            else {
                                vErrors.push(err123);
                            }
                            errors++;
                        }
                    }
                    if (data28.dvdDrives !== undefined) {
                        let data62 = data28.dvdDrives;
                        if (Array.isArray(data62)) {
                            const len8 = data62.length;
                            for (let i8 = 0; i8 < len8; i8++) {
                                let data63 = data62[i8];
                                if (data63 && typeof data63 == "object" && !Array.isArray(data63)) {
                                    if (data63.controllerType === undefined) {
                                        const err124 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerType" }, message: "must have required property '" + "controllerType" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err124];
                                        }
                                        else {
                                            vErrors.push(err124);
                                        }
                                        errors++;
                                    }
                                    if (data63.controllerNumber === undefined) {
                                        const err125 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerNumber" }, message: "must have required property '" + "controllerNumber" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err125];
                                        }
                                        else {
                                            vErrors.push(err125);
                                        }
                                        errors++;
                                    }
                                    if (data63.controllerLocation === undefined) {
                                        const err126 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerLocation" }, message: "must have required property '" + "controllerLocation" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err126];
                                        }
                                        else {
                                            vErrors.push(err126);
                                        }
                                        errors++;
                                    }
                                    if (data63.path === undefined) {
                                        const err127 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err127];
                                        }
                                        else {
                                            vErrors.push(err127);
                                        }
                                        errors++;
                                    }
                                    for (const key10 in data63) {
                                        if (!((((key10 === "controllerType") || (key10 === "controllerNumber")) || (key10 === "controllerLocation")) || (key10 === "path"))) {
                                            const err128 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err128];
                                            }
                                            else {
                                                vErrors.push(err128);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data63.controllerType !== undefined) {
                                        let data64 = data63.controllerType;
                                        if (!((data64 === "SCSI") || (data64 === "IDE"))) {
                                            const err129 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/controllerType", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/controllerType/enum", keyword: "enum", params: { allowedValues: schema11.properties.vms.items.properties.dvdDrives.items.properties.controllerType.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err129];
                                            }
                                            else {
                                                vErrors.push(err129);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data63.controllerNumber !== undefined) {
                                        let data65 = data63.controllerNumber;
                                        if (!((typeof data65 == "number") && (!(data65 % 1) && !isNaN(data65)))) {
                                            const err130 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/controllerNumber", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/controllerNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            if (vErrors === null) {
                                                vErrors = [err130];
                                            }
                                            else {
                                                vErrors.push(err130);
                                            }
                                            errors++;
                                        }
                                        if (typeof data65 == "number") {
                                            if (data65 < 0 || isNaN(data65)) {
                                                const err131 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/controllerNumber", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/controllerNumber/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err131];
                                                }
                                                else {
                                                    vErrors.push(err131);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    if (data63.controllerLocation !== undefined) {
                                        let data66 = data63.controllerLocation;
                                        if (!((typeof data66 == "number") && (!(data66 % 1) && !isNaN(data66)))) {
                                            const err132 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/controllerLocation", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/controllerLocation/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            if (vErrors === null) {
                                                vErrors = [err132];
                                            }
                                            else {
                                                vErrors.push(err132);
                                            }
                                            errors++;
                                        }
                                        if (typeof data66 == "number") {
                                            if (data66 < 0 || isNaN(data66)) {
                                                const err133 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/controllerLocation", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/controllerLocation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err133];
                                                }
                                                else {
                                                    vErrors.push(err133);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    if (data63.path !== undefined) {
                                        let data67 = data63.path;
                                        if ((typeof data67 !== "string") && (data67 !== null)) {
                                            const err134 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8 + "/path", schemaPath: "#/properties/vms/items/properties/dvdDrives/items/properties/path/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.dvdDrives.items.properties.path.type }, message: "must be string,null" };
                                            if (vErrors === null) {
                                                vErrors = [err134];
                                            }
                                            else {
                                                vErrors.push(err134);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err135 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives/" + i8, schemaPath: "#/properties/vms/items/properties/dvdDrives/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err135];
                                    }
                                    else {
                                        vErrors.push(err135);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err136 = { instancePath: instancePath + "/vms/" + i4 + "/dvdDrives", schemaPath: "#/properties/vms/items/properties/dvdDrives/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err136];
                            }
                            else {
                                vErrors.push(err136);
                            }
                            errors++;
                        }
                    }
                    if (data28.tpm !== undefined) {
                        let data68 = data28.tpm;
                        if ((typeof data68 !== "boolean") && (data68 !== null)) {
                            const err137 = { instancePath: instancePath + "/vms/" + i4 + "/tpm", schemaPath: "#/properties/vms/items/properties/tpm/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.tpm.type }, message: "must be boolean,null" };
                            if (vErrors === null) {
                                vErrors = [err137];
                            }
                            else {
                                vErrors.push(err137);
                            }
                            errors++;
                        }
                    }
                    if (data28.secureBootTemplate !== undefined) {
                        let data69 = data28.secureBootTemplate;
                        if ((typeof data69 !== "string") && (data69 !== null)) {
                            const err138 = { instancePath: instancePath + "/vms/" + i4 + "/secureBootTemplate", schemaPath: "#/properties/vms/items/properties/secureBootTemplate/type", keyword: "type", params: { type: schema11.properties.vms.items.properties.secureBootTemplate.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err138];
                            }
                            else {
                                vErrors.push(err138);
                            }
                            errors++;
                        }
                    }
                    if (data28.nestedVirtualization !== undefined) {
                        if (typeof data28.nestedVirtualization !== "boolean") {
                            const err139 = { instancePath: instancePath + "/vms/" + i4 + "/nestedVirtualization", schemaPath: "#/properties/vms/items/properties/nestedVirtualization/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err139];
                            }
                            else {
                                vErrors.push(err139);
                            }
                            errors++;
                        }
                    }
                    if (data28.checkpointType !== undefined) {
                        if (typeof data28.checkpointType !== "string") {
                            const err140 = { instancePath: instancePath + "/vms/" + i4 + "/checkpointType", schemaPath: "#/properties/vms/items/properties/checkpointType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err140];
                            }
                            else {
                                vErrors.push(err140);
                            }
                            errors++;
                        }
                    }
                    if (data28.automaticStartAction !== undefined) {
                        if (typeof data28.automaticStartAction !== "string") {
                            const err141 = { instancePath: instancePath + "/vms/" + i4 + "/automaticStartAction", schemaPath: "#/properties/vms/items/properties/automaticStartAction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err141];
                            }
                            else {
                                vErrors.push(err141);
                            }
                            errors++;
                        }
                    }
                    if (data28.automaticStartDelaySec !== undefined) {
                        let data73 = data28.automaticStartDelaySec;
                        if (!((typeof data73 == "number") && (!(data73 % 1) && !isNaN(data73)))) {
                            const err142 = { instancePath: instancePath + "/vms/" + i4 + "/automaticStartDelaySec", schemaPath: "#/properties/vms/items/properties/automaticStartDelaySec/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err142];
                            }
                            else {
                                vErrors.push(err142);
                            }
                            errors++;
                        }
                        if (typeof data73 == "number") {
                            if (data73 < 0 || isNaN(data73)) {
                                const err143 = { instancePath: instancePath + "/vms/" + i4 + "/automaticStartDelaySec", schemaPath: "#/properties/vms/items/properties/automaticStartDelaySec/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err143];
                                }
                                else {
                                    vErrors.push(err143);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data28.automaticStopAction !== undefined) {
                        if (typeof data28.automaticStopAction !== "string") {
                            const err144 = { instancePath: instancePath + "/vms/" + i4 + "/automaticStopAction", schemaPath: "#/properties/vms/items/properties/automaticStopAction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err144];
                            }
                            else {
                                vErrors.push(err144);
                            }
                            errors++;
                        }
                    }
                    if (data28.compatibilityForMigration !== undefined) {
                        if (typeof data28.compatibilityForMigration !== "boolean") {
                            const err145 = { instancePath: instancePath + "/vms/" + i4 + "/compatibilityForMigration", schemaPath: "#/properties/vms/items/properties/compatibilityForMigration/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err145];
                            }
                            else {
                                vErrors.push(err145);
                            }
                            errors++;
                        }
                    }
                    if (data28.memoryWeight !== undefined) {
                        let data76 = data28.memoryWeight;
                        if (!((typeof data76 == "number") && (!(data76 % 1) && !isNaN(data76)))) {
                            const err146 = { instancePath: instancePath + "/vms/" + i4 + "/memoryWeight", schemaPath: "#/properties/vms/items/properties/memoryWeight/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err146];
                            }
                            else {
                                vErrors.push(err146);
                            }
                            errors++;
                        }
                        if (typeof data76 == "number") {
                            if (data76 < 0 || isNaN(data76)) {
                                const err147 = { instancePath: instancePath + "/vms/" + i4 + "/memoryWeight", schemaPath: "#/properties/vms/items/properties/memoryWeight/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err147];
                                }
                                else {
                                    vErrors.push(err147);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data28.memoryBuffer !== undefined) {
                        let data77 = data28.memoryBuffer;
                        if (!((typeof data77 == "number") && (!(data77 % 1) && !isNaN(data77)))) {
                            const err148 = { instancePath: instancePath + "/vms/" + i4 + "/memoryBuffer", schemaPath: "#/properties/vms/items/properties/memoryBuffer/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err148];
                            }
                            else {
                                vErrors.push(err148);
                            }
                            errors++;
                        }
                        if (typeof data77 == "number") {
                            if (data77 < 0 || isNaN(data77)) {
                                const err149 = { instancePath: instancePath + "/vms/" + i4 + "/memoryBuffer", schemaPath: "#/properties/vms/items/properties/memoryBuffer/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err149];
                                }
                                else {
                                    vErrors.push(err149);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data28.firstBootDevice !== undefined) {
                        if (typeof data28.firstBootDevice !== "string") {
                            const err150 = { instancePath: instancePath + "/vms/" + i4 + "/firstBootDevice", schemaPath: "#/properties/vms/items/properties/firstBootDevice/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err150];
                            }
                            else {
                                vErrors.push(err150);
                            }
                            errors++;
                        }
                    }
                    if (data28.checkpoints !== undefined) {
                        let data79 = data28.checkpoints;
                        if (Array.isArray(data79)) {
                            const len9 = data79.length;
                            for (let i9 = 0; i9 < len9; i9++) {
                                let data80 = data79[i9];
                                if (data80 && typeof data80 == "object" && !Array.isArray(data80)) {
                                    if (data80.id === undefined) {
                                        const err151 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9, schemaPath: "#/properties/vms/items/properties/checkpoints/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err151];
                                        }
                                        else {
                                            vErrors.push(err151);
                                        }
                                        errors++;
                                    }
                                    if (data80.name === undefined) {
                                        const err152 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9, schemaPath: "#/properties/vms/items/properties/checkpoints/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err152];
                                        }
                                        else {
                                            vErrors.push(err152);
                                        }
                                        errors++;
                                    }
                                    for (const key11 in data80) {
                                        if (!((key11 === "id") || (key11 === "name"))) {
                                            const err153 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9, schemaPath: "#/properties/vms/items/properties/checkpoints/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err153];
                                            }
                                            else {
                                                vErrors.push(err153);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data80.id !== undefined) {
                                        if (typeof data80.id !== "string") {
                                            const err154 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9 + "/id", schemaPath: "#/properties/vms/items/properties/checkpoints/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err154];
                                            }
                                            else {
                                                vErrors.push(err154);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data80.name !== undefined) {
                                        if (typeof data80.name !== "string") {
                                            const err155 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9 + "/name", schemaPath: "#/properties/vms/items/properties/checkpoints/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err155];
                                            }
                                            else {
                                                vErrors.push(err155);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err156 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints/" + i9, schemaPath: "#/properties/vms/items/properties/checkpoints/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err156];
                                    }
                                    else {
                                        vErrors.push(err156);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err157 = { instancePath: instancePath + "/vms/" + i4 + "/checkpoints", schemaPath: "#/properties/vms/items/properties/checkpoints/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err157];
                            }
                            else {
                                vErrors.push(err157);
                            }
                            errors++;
                        }
                    }
                    if (data28.integrationServices !== undefined) {
                        let data83 = data28.integrationServices;
                        if (Array.isArray(data83)) {
                            const len10 = data83.length;
                            for (let i10 = 0; i10 < len10; i10++) {
                                let data84 = data83[i10];
                                if (data84 && typeof data84 == "object" && !Array.isArray(data84)) {
                                    if (data84.id === undefined) {
                                        const err158 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err158];
                                        }
                                        else {
                                            vErrors.push(err158);
                                        }
                                        errors++;
                                    }
                                    if (data84.name === undefined) {
                                        const err159 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err159];
                                        }
                                        else {
                                            vErrors.push(err159);
                                        }
                                        errors++;
                                    }
                                    if (data84.enabled === undefined) {
                                        const err160 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "enabled" }, message: "must have required property '" + "enabled" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err160];
                                        }
                                        else {
                                            vErrors.push(err160);
                                        }
                                        errors++;
                                    }
                                    if (data84.status === undefined) {
                                        const err161 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err161];
                                        }
                                        else {
                                            vErrors.push(err161);
                                        }
                                        errors++;
                                    }
                                    for (const key12 in data84) {
                                        if (!((((key12 === "id") || (key12 === "name")) || (key12 === "enabled")) || (key12 === "status"))) {
                                            const err162 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err162];
                                            }
                                            else {
                                                vErrors.push(err162);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data84.id !== undefined) {
                                        if (typeof data84.id !== "string") {
                                            const err163 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10 + "/id", schemaPath: "#/properties/vms/items/properties/integrationServices/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err163];
                                            }
                                            else {
                                                vErrors.push(err163);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data84.name !== undefined) {
                                        if (typeof data84.name !== "string") {
                                            const err164 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10 + "/name", schemaPath: "#/properties/vms/items/properties/integrationServices/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err164];
                                            }
                                            else {
                                                vErrors.push(err164);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data84.enabled !== undefined) {
                                        if (typeof data84.enabled !== "boolean") {
                                            const err165 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10 + "/enabled", schemaPath: "#/properties/vms/items/properties/integrationServices/items/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                            if (vErrors === null) {
                                                vErrors = [err165];
                                            }
                                            else {
                                                vErrors.push(err165);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data84.status !== undefined) {
                                        if (typeof data84.status !== "string") {
                                            const err166 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10 + "/status", schemaPath: "#/properties/vms/items/properties/integrationServices/items/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err166];
                                            }
                                            else {
                                                vErrors.push(err166);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err167 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices/" + i10, schemaPath: "#/properties/vms/items/properties/integrationServices/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err167];
                                    }
                                    else {
                                        vErrors.push(err167);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err168 = { instancePath: instancePath + "/vms/" + i4 + "/integrationServices", schemaPath: "#/properties/vms/items/properties/integrationServices/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err168];
                            }
                            else {
                                vErrors.push(err168);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err169 = { instancePath: instancePath + "/vms/" + i4, schemaPath: "#/properties/vms/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err169];
                    }
                    else {
                        vErrors.push(err169);
                    }
                    errors++;
                }
            }
        }
        else {
            const err170 = { instancePath: instancePath + "/vms", schemaPath: "#/properties/vms/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err170];
            }
            else {
                vErrors.push(err170);
            }
            errors++;
        }
    }
    if (data.observedAt !== undefined) {
        if (typeof data.observedAt !== "string") {
            const err171 = { instancePath: instancePath + "/observedAt", schemaPath: "#/properties/observedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err171];
            }
            else {
                vErrors.push(err171);
            }
            errors++;
        }
    }
    if (data.guests !== undefined) {
        let data90 = data.guests;
        if (!(data90 && typeof data90 == "object" && !Array.isArray(data90))) {
            const err172 = { instancePath: instancePath + "/guests", schemaPath: "#/properties/guests/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err172];
            }
            else {
                vErrors.push(err172);
            }
            errors++;
        }
    }
}
else {
    const err173 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err173];
    }
    else {
        vErrors.push(err173);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }
const validatePlan_fn = validate11;
const schema12 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/plan.schema.json", "title": "hyperv-converge plan.json: ordered steps, refusals and hashes", "definitions": { "step": { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false } }, "type": "object", "properties": { "schemaVersion": { "const": 1 }, "project": { "type": "string" }, "backend": { "type": "string" }, "actionable": { "type": "boolean" }, "steps": { "type": "array", "items": { "$ref": "#/definitions/step" } }, "refusals": { "type": "array", "items": { "type": "object", "properties": { "vm": { "type": "string" }, "kind": { "enum": ["blocked", "refused"] }, "code": { "enum": ["observation-incomplete", "unmanaged", "owned-by-other", "needs-restart", "generation-change", "transitional-state", "saved-or-paused", "protected", "max-disruptive", "destroy-not-owned", "disk-shrink", "disk-below-image", "missing-image", "missing-switch", "missing-file", "disk-conflict", "seed-unavailable", "switch-in-use", "switch-type", "unknown-integration-service"] }, "message": { "type": "string" }, "steps": { "type": "array", "items": { "$ref": "#/definitions/step" } } }, "required": ["vm", "kind", "code", "message", "steps"], "additionalProperties": false } }, "counts": { "type": "object", "properties": { "create": { "type": "integer", "minimum": 0 }, "change": { "type": "integer", "minimum": 0 }, "destroy": { "type": "integer", "minimum": 0 }, "refused": { "type": "integer", "minimum": 0 }, "unchanged": { "type": "integer", "minimum": 0 } }, "required": ["create", "change", "destroy", "refused", "unchanged"], "additionalProperties": false }, "unchanged": { "type": "array", "items": { "type": "string" } }, "configHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "basisHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "observedHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "targets": { "type": "array", "items": { "type": "string" } }, "planHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "generatedAt": { "type": "string" } }, "required": ["schemaVersion", "project", "backend", "actionable", "steps", "refusals", "counts", "unchanged", "configHash", "basisHash", "observedHash", "planHash"], "additionalProperties": false };
const schema13 = { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false };
const pattern2 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/plan.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.schemaVersion === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property '" + "schemaVersion" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.project === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "project" }, message: "must have required property '" + "project" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.backend === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "backend" }, message: "must have required property '" + "backend" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.actionable === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "actionable" }, message: "must have required property '" + "actionable" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.steps === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property '" + "steps" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.refusals === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "refusals" }, message: "must have required property '" + "refusals" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.counts === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "counts" }, message: "must have required property '" + "counts" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.unchanged === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "unchanged" }, message: "must have required property '" + "unchanged" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.configHash === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "configHash" }, message: "must have required property '" + "configHash" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.basisHash === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "basisHash" }, message: "must have required property '" + "basisHash" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    if (data.observedHash === undefined) {
        const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "observedHash" }, message: "must have required property '" + "observedHash" + "'" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    if (data.planHash === undefined) {
        const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "planHash" }, message: "must have required property '" + "planHash" + "'" };
        if (vErrors === null) {
            vErrors = [err11];
        }
        else {
            vErrors.push(err11);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema12.properties, key0))) {
            const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
    if (data.schemaVersion !== undefined) {
        if (1 !== data.schemaVersion) {
            const err13 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.project !== undefined) {
        if (typeof data.project !== "string") {
            const err14 = { instancePath: instancePath + "/project", schemaPath: "#/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.backend !== undefined) {
        if (typeof data.backend !== "string") {
            const err15 = { instancePath: instancePath + "/backend", schemaPath: "#/properties/backend/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.actionable !== undefined) {
        if (typeof data.actionable !== "boolean") {
            const err16 = { instancePath: instancePath + "/actionable", schemaPath: "#/properties/actionable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.steps !== undefined) {
        let data4 = data.steps;
        if (Array.isArray(data4)) {
            const len0 = data4.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data5 = data4[i0];
                if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
                    if (data5.id === undefined) {
                        const err17 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                        if (vErrors === null) {
                            vErrors = [err17];
                        }
                        else {
                            vErrors.push(err17);
                        }
                        errors++;
                    }
                    if (data5.vm === undefined) {
                        const err18 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err18];
                        }
                        else {
                            vErrors.push(err18);
                        }
                        errors++;
                    }
                    if (data5.vmId === undefined) {
                        const err19 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vmId" }, message: "must have required property '" + "vmId" + "'" };
                        if (vErrors === null) {
                            vErrors = [err19];
                        }
                        else {
                            vErrors.push(err19);
                        }
                        errors++;
                    }
                    if (data5.action === undefined) {
                        const err20 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
                        if (vErrors === null) {
                            vErrors = [err20];
                        }
                        else {
                            vErrors.push(err20);
                        }
                        errors++;
                    }
                    if (data5.from === undefined) {
                        const err21 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property '" + "from" + "'" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                    if (data5.to === undefined) {
                        const err22 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property '" + "to" + "'" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                    if (data5.reason === undefined) {
                        const err23 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property '" + "reason" + "'" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                    if (data5.disruption === undefined) {
                        const err24 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "disruption" }, message: "must have required property '" + "disruption" + "'" };
                        if (vErrors === null) {
                            vErrors = [err24];
                        }
                        else {
                            vErrors.push(err24);
                        }
                        errors++;
                    }
                    if (data5.group === undefined) {
                        const err25 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property '" + "group" + "'" };
                        if (vErrors === null) {
                            vErrors = [err25];
                        }
                        else {
                            vErrors.push(err25);
                        }
                        errors++;
                    }
                    if (data5.operation === undefined) {
                        const err26 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property '" + "operation" + "'" };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                    for (const key1 in data5) {
                        if (!(func2.call(schema13.properties, key1))) {
                            const err27 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err27];
                            }
                            else {
                                vErrors.push(err27);
                            }
                            errors++;
                        }
                    }
                    if (data5.id !== undefined) {
                        if (typeof data5.id !== "string") {
                            const err28 = { instancePath: instancePath + "/steps/" + i0 + "/id", schemaPath: "#/definitions/step/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err28];
                            }
                            else {
                                vErrors.push(err28);
                            }
                            errors++;
                        }
                    }
                    if (data5.vm !== undefined) {
                        if (typeof data5.vm !== "string") {
                            const err29 = { instancePath: instancePath + "/steps/" + i0 + "/vm", schemaPath: "#/definitions/step/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err29];
                            }
                            else {
                                vErrors.push(err29);
                            }
                            errors++;
                        }
                    }
                    if (data5.vmId !== undefined) {
                        let data8 = data5.vmId;
                        if ((typeof data8 !== "string") && (data8 !== null)) {
                            const err30 = { instancePath: instancePath + "/steps/" + i0 + "/vmId", schemaPath: "#/definitions/step/properties/vmId/type", keyword: "type", params: { type: schema13.properties.vmId.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err30];
                            }
                            else {
                                vErrors.push(err30);
                            }
                            errors++;
                        }
                    }
                    if (data5.action !== undefined) {
                        let data9 = data5.action;
                        if (!(((((((((((((((((((((((((data9 === "create") || (data9 === "start")) || (data9 === "stop")) || (data9 === "set-cpus")) || (data9 === "set-memory")) || (data9 === "set-secure-boot")) || (data9 === "connect-switch")) || (data9 === "set-mac")) || (data9 === "set-notes")) || (data9 === "grow-disk")) || (data9 === "checkpoint")) || (data9 === "remove")) || (data9 === "add-adapter")) || (data9 === "remove-adapter")) || (data9 === "set-adapter")) || (data9 === "add-disk")) || (data9 === "detach-disk")) || (data9 === "add-dvd")) || (data9 === "set-dvd")) || (data9 === "write-seed")) || (data9 === "set-settings")) || (data9 === "set-integration-services")) || (data9 === "create-switch")) || (data9 === "set-switch-nat")) || (data9 === "remove-switch"))) {
                            const err31 = { instancePath: instancePath + "/steps/" + i0 + "/action", schemaPath: "#/definitions/step/properties/action/enum", keyword: "enum", params: { allowedValues: schema13.properties.action.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err31];
                            }
                            else {
                                vErrors.push(err31);
                            }
                            errors++;
                        }
                    }
                    if (data5.reason !== undefined) {
                        if (typeof data5.reason !== "string") {
                            const err32 = { instancePath: instancePath + "/steps/" + i0 + "/reason", schemaPath: "#/definitions/step/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err32];
                            }
                            else {
                                vErrors.push(err32);
                            }
                            errors++;
                        }
                    }
                    if (data5.disruption !== undefined) {
                        let data11 = data5.disruption;
                        if (!(((data11 === "benign") || (data11 === "disruptive")) || (data11 === "destructive"))) {
                            const err33 = { instancePath: instancePath + "/steps/" + i0 + "/disruption", schemaPath: "#/definitions/step/properties/disruption/enum", keyword: "enum", params: { allowedValues: schema13.properties.disruption.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err33];
                            }
                            else {
                                vErrors.push(err33);
                            }
                            errors++;
                        }
                    }
                    if (data5.group !== undefined) {
                        if (typeof data5.group !== "string") {
                            const err34 = { instancePath: instancePath + "/steps/" + i0 + "/group", schemaPath: "#/definitions/step/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err34];
                            }
                            else {
                                vErrors.push(err34);
                            }
                            errors++;
                        }
                    }
                    if (data5.operation !== undefined) {
                        let data13 = data5.operation;
                        if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                            if (data13.op === undefined) {
                                const err35 = { instancePath: instancePath + "/steps/" + i0 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property '" + "op" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err35];
                                }
                                else {
                                    vErrors.push(err35);
                                }
                                errors++;
                            }
                            if (data13.args === undefined) {
                                const err36 = { instancePath: instancePath + "/steps/" + i0 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "args" }, message: "must have required property '" + "args" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err36];
                                }
                                else {
                                    vErrors.push(err36);
                                }
                                errors++;
                            }
                            for (const key2 in data13) {
                                if (!((key2 === "op") || (key2 === "args"))) {
                                    const err37 = { instancePath: instancePath + "/steps/" + i0 + "/operation", schemaPath: "#/definitions/step/properties/operation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err37];
                                    }
                                    else {
                                        vErrors.push(err37);
                                    }
                                    errors++;
                                }
                            }
                            if (data13.op !== undefined) {
                                if (typeof data13.op !== "string") {
                                    const err38 = { instancePath: instancePath + "/steps/" + i0 + "/operation/op", schemaPath: "#/definitions/step/properties/operation/properties/op/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err38];
                                    }
                                    else {
                                        vErrors.push(err38);
                                    }
                                    errors++;
                                }
                            }
                            if (data13.args !== undefined) {
                                let data15 = data13.args;
                                if (!(data15 && typeof data15 == "object" && !Array.isArray(data15))) {
                                    const err39 = { instancePath: instancePath + "/steps/" + i0 + "/operation/args", schemaPath: "#/definitions/step/properties/operation/properties/args/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err39];
                                    }
                                    else {
                                        vErrors.push(err39);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err40 = { instancePath: instancePath + "/steps/" + i0 + "/operation", schemaPath: "#/definitions/step/properties/operation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err40];
                            }
                            else {
                                vErrors.push(err40);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err41 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/definitions/step/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err41];
                    }
                    else {
                        vErrors.push(err41);
                    }
                    errors++;
                }
            }
        }
        else {
            const err42 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err42];
            }
            else {
                vErrors.push(err42);
            }
            errors++;
        }
    }
    if (data.refusals !== undefined) {
        let data16 = data.refusals;
        if (Array.isArray(data16)) {
            const len1 = data16.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data17 = data16[i1];
                if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                    if (data17.vm === undefined) {
                        const err43 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err43];
                        }
                        else {
                            vErrors.push(err43);
                        }
                        errors++;
                    }
                    if (data17.kind === undefined) {
                        const err44 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
                        if (vErrors === null) {
                            vErrors = [err44];
                        }
                        else {
                            vErrors.push(err44);
                        }
                        errors++;
                    }
                    if (data17.code === undefined) {
                        const err45 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property '" + "code" + "'" };
                        if (vErrors === null) {
                            vErrors = [err45];
                        }
                        else {
                            vErrors.push(err45);
                        }
                        errors++;
                    }
                    if (data17.message === undefined) {
                        const err46 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
                        if (vErrors === null) {
                            vErrors = [err46];
                        }
                        else {
                            vErrors.push(err46);
                        }
                        errors++;
                    }
                    if (data17.steps === undefined) {
                        const err47 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property '" + "steps" + "'" };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                    for (const key3 in data17) {
                        if (!(((((key3 === "vm") || (key3 === "kind")) || (key3 === "code")) || (key3 === "message")) || (key3 === "steps"))) {
                            const err48 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err48];
                            }
                            else {
                                vErrors.push(err48);
                            }
                            errors++;
                        }
                    }
                    if (data17.vm !== undefined) {
                        if (typeof data17.vm !== "string") {
                            const err49 = { instancePath: instancePath + "/refusals/" + i1 + "/vm", schemaPath: "#/properties/refusals/items/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err49];
                            }
                            else {
                                vErrors.push(err49);
                            }
                            errors++;
                        }
                    }
                    if (data17.kind !== undefined) {
                        let data19 = data17.kind;
                        if (!((data19 === "blocked") || (data19 === "refused"))) {
                            const err50 = { instancePath: instancePath + "/refusals/" + i1 + "/kind", schemaPath: "#/properties/refusals/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema12.properties.refusals.items.properties.kind.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err50];
                            }
                            else {
                                vErrors.push(err50);
                            }
                            errors++;
                        }
                    }
                    if (data17.code !== undefined) {
                        let data20 = data17.code;
                        if (!((((((((((((((((((((data20 === "observation-incomplete") || (data20 === "unmanaged")) || (data20 === "owned-by-other")) || (data20 === "needs-restart")) || (data20 === "generation-change")) || (data20 === "transitional-state")) || (data20 === "saved-or-paused")) || (data20 === "protected")) || (data20 === "max-disruptive")) || (data20 === "destroy-not-owned")) || (data20 === "disk-shrink")) || (data20 === "disk-below-image")) || (data20 === "missing-image")) || (data20 === "missing-switch")) || (data20 === "missing-file")) || (data20 === "disk-conflict")) || (data20 === "seed-unavailable")) || (data20 === "switch-in-use")) || (data20 === "switch-type")) || (data20 === "unknown-integration-service"))) {
                            const err51 = { instancePath: instancePath + "/refusals/" + i1 + "/code", schemaPath: "#/properties/refusals/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema12.properties.refusals.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err51];
                            }
                            else {
                                vErrors.push(err51);
                            }
                            errors++;
                        }
                    }
                    if (data17.message !== undefined) {
                        if (typeof data17.message !== "string") {
                            const err52 = { instancePath: instancePath + "/refusals/" + i1 + "/message", schemaPath: "#/properties/refusals/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err52];
                            }
                            else {
                                vErrors.push(err52);
                            }
                            errors++;
                        }
                    }
                    if (data17.steps !== undefined) {
                        let data22 = data17.steps;
                        if (Array.isArray(data22)) {
                            const len2 = data22.length;
                            for (let i2 = 0; i2 < len2; i2++) {
                                let data23 = data22[i2];
                                if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
                                    if (data23.id === undefined) {
                                        const err53 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err53];
                                        }
                                        else {
                                            vErrors.push(err53);
                                        }
                                        errors++;
                                    }
                                    if (data23.vm === undefined) {
                                        const err54 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err54];
                                        }
                                        else {
                                            vErrors.push(err54);
                                        }
                                        errors++;
                                    }
                                    if (data23.vmId === undefined) {
                                        const err55 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vmId" }, message: "must have required property '" + "vmId" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err55];
                                        }
                                        else {
                                            vErrors.push(err55);
                                        }
                                        errors++;
                                    }
                                    if (data23.action === undefined) {
                                        const err56 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err56];
                                        }
                                        else {
                                            vErrors.push(err56);
                                        }
                                        errors++;
                                    }
                                    if (data23.from === undefined) {
                                        const err57 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property '" + "from" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err57];
                                        }
                                        else {
                                            vErrors.push(err57);
                                        }
                                        errors++;
                                    }
                                    if (data23.to === undefined) {
                                        const err58 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property '" + "to" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err58];
                                        }
                                        else {
                                            vErrors.push(err58);
                                        }
                                        errors++;
                                    }
                                    if (data23.reason === undefined) {
                                        const err59 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property '" + "reason" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err59];
                                        }
                                        else {
                                            vErrors.push(err59);
                                        }
                                        errors++;
                                    }
                                    if (data23.disruption === undefined) {
                                        const err60 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "disruption" }, message: "must have required property '" + "disruption" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err60];
                                        }
                                        else {
                                            vErrors.push(err60);
                                        }
                                        errors++;
                                    }
                                    if (data23.group === undefined) {
                                        const err61 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property '" + "group" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err61];
                                        }
                                        else {
                                            vErrors.push(err61);
                                        }
                                        errors++;
                                    }
                                    if (data23.operation === undefined) {
                                        const err62 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property '" + "operation" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err62];
                                        }
                                        else {
                                            vErrors.push(err62);
                                        }
                                        errors++;
                                    }
                                    for (const key4 in data23) {
                                        if (!(func2.call(schema13.properties, key4))) {
                                            const err63 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err63];
                                            }
                                            else {
                                                vErrors.push(err63);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.id !== undefined) {
                                        if (typeof data23.id !== "string") {
                                            const err64 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/id", schemaPath: "#/definitions/step/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err64];
                                            }
                                            else {
                                                vErrors.push(err64);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.vm !== undefined) {
                                        if (typeof data23.vm !== "string") {
                                            const err65 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/vm", schemaPath: "#/definitions/step/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err65];
                                            }
                                            else {
                                                vErrors.push(err65);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.vmId !== undefined) {
                                        let data26 = data23.vmId;
                                        if ((typeof data26 !== "string") && (data26 !== null)) {
                                            const err66 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/vmId", schemaPath: "#/definitions/step/properties/vmId/type", keyword: "type", params: { type: schema13.properties.vmId.type }, message: "must be string,null" };
                                            if (vErrors === null) {
                                                vErrors = [err66];
                                            }
                                            else {
                                                vErrors.push(err66);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.action !== undefined) {
                                        let data27 = data23.action;
                                        if (!(((((((((((((((((((((((((data27 === "create") || (data27 === "start")) || (data27 === "stop")) || (data27 === "set-cpus")) || (data27 === "set-memory")) || (data27 === "set-secure-boot")) || (data27 === "connect-switch")) || (data27 === "set-mac")) || (data27 === "set-notes")) || (data27 === "grow-disk")) || (data27 === "checkpoint")) || (data27 === "remove")) || (data27 === "add-adapter")) || (data27 === "remove-adapter")) || (data27 === "set-adapter")) || (data27 === "add-disk")) || (data27 === "detach-disk")) || (data27 === "add-dvd")) || (data27 === "set-dvd")) || (data27 === "write-seed")) || (data27 === "set-settings")) || (data27 === "set-integration-services")) || (data27 === "create-switch")) || (data27 === "set-switch-nat")) || (data27 === "remove-switch"))) {
                                            const err67 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/action", schemaPath: "#/definitions/step/properties/action/enum", keyword: "enum", params: { allowedValues: schema13.properties.action.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err67];
                                            }
                                            else {
                                                vErrors.push(err67);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.reason !== undefined) {
                                        if (typeof data23.reason !== "string") {
                                            const err68 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/reason", schemaPath: "#/definitions/step/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err68];
                                            }
                                            else {
                                                vErrors.push(err68);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.disruption !== undefined) {
                                        let data29 = data23.disruption;
                                        if (!(((data29 === "benign") || (data29 === "disruptive")) || (data29 === "destructive"))) {
                                            const err69 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/disruption", schemaPath: "#/definitions/step/properties/disruption/enum", keyword: "enum", params: { allowedValues: schema13.properties.disruption.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err69];
                                            }
                                            else {
                                                vErrors.push(err69);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.group !== undefined) {
                                        if (typeof data23.group !== "string") {
                                            const err70 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/group", schemaPath: "#/definitions/step/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err70];
                                            }
                                            else {
                                                vErrors.push(err70);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data23.operation !== undefined) {
                                        let data31 = data23.operation;
                                        if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                                            if (data31.op === undefined) {
                                                const err71 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property '" + "op" + "'" };
                                                if (vErrors === null) {
                                                    vErrors = [err71];
                                                }
                                                else {
                                                    vErrors.push(err71);
                                                }
                                                errors++;
                                            }
                                            if (data31.args === undefined) {
                                                const err72 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "args" }, message: "must have required property '" + "args" + "'" };
                                                if (vErrors === null) {
                                                    vErrors = [err72];
                                                }
                                                else {
                                                    vErrors.push(err72);
                                                }
                                                errors++;
                                            }
                                            for (const key5 in data31) {
                                                if (!((key5 === "op") || (key5 === "args"))) {
                                                    const err73 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation", schemaPath: "#/definitions/step/properties/operation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                                                    if (vErrors === null) {
                                                        vErrors = [err73];
                                                    }
                                                    else {
                                                        vErrors.push(err73);
                                                    }
                                                    errors++;
                                                }
                                            }
                                            if (data31.op !== undefined) {
                                                if (typeof data31.op !== "string") {
                                                    const err74 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation/op", schemaPath: "#/definitions/step/properties/operation/properties/op/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                    if (vErrors === null) {
                                                        vErrors = [err74];
                                                    }
                                                    else {
                                                        vErrors.push(err74);
                                                    }
                                                    errors++;
                                                }
                                            }
                                            if (data31.args !== undefined) {
                                                let data33 = data31.args;
                                                if (!(data33 && typeof data33 == "object" && !Array.isArray(data33))) {
                                                    const err75 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation/args", schemaPath: "#/definitions/step/properties/operation/properties/args/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                                    if (vErrors === null) {
                                                        vErrors = [err75];
                                                    }
                                                    else {
                                                        vErrors.push(err75);
                                                    }
                                                    errors++;
                                                }
                                            }
                                        }
                                        else {
                                            const err76 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2 + "/operation", schemaPath: "#/definitions/step/properties/operation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                            if (vErrors === null) {
                                                vErrors = [err76];
                                            }
                                            else {
                                                vErrors.push(err76);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err77 = { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, schemaPath: "#/definitions/step/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err77];
                                    }
                                    else {
                                        vErrors.push(err77);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err78 = { instancePath: instancePath + "/refusals/" + i1 + "/steps", schemaPath: "#/properties/refusals/items/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err78];
                            }
                            else {
                                vErrors.push(err78);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err79 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err79];
                    }
                    else {
                        vErrors.push(err79);
                    }
                    errors++;
                }
            }
        }
        else {
            const err80 = { instancePath: instancePath + "/refusals", schemaPath: "#/properties/refusals/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err80];
            }
            else {
                vErrors.push(err80);
            }
            errors++;
        }
    }
    if (data.counts !== undefined) {
        let data34 = data.counts;
        if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
            if (data34.create === undefined) {
                const err81 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "create" }, message: "must have required property '" + "create" + "'" };
                if (vErrors === null) {
                    vErrors = [err81];
                }
                else {
                    vErrors.push(err81);
                }
                errors++;
            }
            if (data34.change === undefined) {
                const err82 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "change" }, message: "must have required property '" + "change" + "'" };
                if (vErrors === null) {
                    vErrors = [err82];
                }
                else {
                    vErrors.push(err82);
                }
                errors++;
            }
            if (data34.destroy === undefined) {
                const err83 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "destroy" }, message: "must have required property '" + "destroy" + "'" };
                if (vErrors === null) {
                    vErrors = [err83];
                }
                else {
                    vErrors.push(err83);
                }
                errors++;
            }
            if (data34.refused === undefined) {
                const err84 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "refused" }, message: "must have required property '" + "refused" + "'" };
                if (vErrors === null) {
                    vErrors = [err84];
                }
                else {
                    vErrors.push(err84);
                }
                errors++;
            }
            if (data34.unchanged === undefined) {
                const err85 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "unchanged" }, message: "must have required property '" + "unchanged" + "'" };
                if (vErrors === null) {
                    vErrors = [err85];
                }
                else {
                    vErrors.push(err85);
                }
                errors++;
            }
            for (const key6 in data34) {
                if (!(((((key6 === "create") || (key6 === "change")) || (key6 === "destroy")) || (key6 === "refused")) || (key6 === "unchanged"))) {
                    const err86 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err86];
                    }
                    else {
                        vErrors.push(err86);
                    }
                    errors++;
                }
            }
            if (data34.create !== undefined) {
                let data35 = data34.create;
                if (!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))) {
                    const err87 = { instancePath: instancePath + "/counts/create", schemaPath: "#/properties/counts/properties/create/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err87];
                    }
                    else {
                        vErrors.push(err87);
                    }
                    errors++;
                }
                if (typeof data35 == "number") {
                    if (data35 < 0 || isNaN(data35)) {
                        const err88 = { instancePath: instancePath + "/counts/create", schemaPath: "#/properties/counts/properties/create/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err88];
                        }
                        else {
                            vErrors.push(err88);
                        }
                        errors++;
                    }
                }
            }
            if (data34.change !== undefined) {
                let data36 = data34.change;
                if (!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))) {
                    const err89 = { instancePath: instancePath + "/counts/change", schemaPath: "#/properties/counts/properties/change/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err89];
                    }
                    else {
                        vErrors.push(err89);
                    }
                    errors++;
                }
                if (typeof data36 == "number") {
                    if (data36 < 0 || isNaN(data36)) {
                        const err90 = { instancePath: instancePath + "/counts/change", schemaPath: "#/properties/counts/properties/change/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err90];
                        }
                        else {
                            vErrors.push(err90);
                        }
                        errors++;
                    }
                }
            }
            if (data34.destroy !== undefined) {
                let data37 = data34.destroy;
                if (!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))) {
                    const err91 = { instancePath: instancePath + "/counts/destroy", schemaPath: "#/properties/counts/properties/destroy/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err91];
                    }
                    else {
                        vErrors.push(err91);
                    }
                    errors++;
                }
                if (typeof data37 == "number") {
                    if (data37 < 0 || isNaN(data37)) {
                        const err92 = { instancePath: instancePath + "/counts/destroy", schemaPath: "#/properties/counts/properties/destroy/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err92];
                        }
                        else {
                            vErrors.push(err92);
                        }
                        errors++;
                    }
                }
            }
            if (data34.refused !== undefined) {
                let data38 = data34.refused;
                if (!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))) {
                    const err93 = { instancePath: instancePath + "/counts/refused", schemaPath: "#/properties/counts/properties/refused/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err93];
                    }
                    else {
                        vErrors.push(err93);
                    }
                    errors++;
                }
                if (typeof data38 == "number") {
                    if (data38 < 0 || isNaN(data38)) {
                        const err94 = { instancePath: instancePath + "/counts/refused", schemaPath: "#/properties/counts/properties/refused/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err94];
                        }
                        else {
                            vErrors.push(err94);
                        }
                        errors++;
                    }
                }
            }
            if (data34.unchanged !== undefined) {
                let data39 = data34.unchanged;
                if (!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))) {
                    const err95 = { instancePath: instancePath + "/counts/unchanged", schemaPath: "#/properties/counts/properties/unchanged/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err95];
                    }
                    else {
                        vErrors.push(err95);
                    }
                    errors++;
                }
                if (typeof data39 == "number") {
                    if (data39 < 0 || isNaN(data39)) {
                        const err96 = { instancePath: instancePath + "/counts/unchanged", schemaPath: "#/properties/counts/properties/unchanged/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err96];
                        }
                        else {
                            vErrors.push(err96);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err97 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err97];
            }
            else {
                vErrors.push(err97);
            }
            errors++;
        }
    }
    if (data.unchanged !== undefined) {
        let data40 = data.unchanged;
        if (Array.isArray(data40)) {
            const len3 = data40.length;
            for (let i3 = 0; i3 < len3; i3++) {
                if (typeof data40[i3] !== "string") {
                    const err98 = { instancePath: instancePath + "/unchanged/" + i3, schemaPath: "#/properties/unchanged/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err98];
                    }
                    else {
                        vErrors.push(err98);
                    }
                    errors++;
                }
            }
        }
        else {
            const err99 = { instancePath: instancePath + "/unchanged", schemaPath: "#/properties/unchanged/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err99];
            }
            else {
                vErrors.push(err99);
            }
            errors++;
        }
    }
    if (data.configHash !== undefined) {
        let data42 = data.configHash;
        if (typeof data42 === "string") {
            if (!pattern2.test(data42)) {
                const err100 = { instancePath: instancePath + "/configHash", schemaPath: "#/properties/configHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err100];
                }
                else {
                    vErrors.push(err100);
                }
                errors++;
            }
        }
        else {
            const err101 = { instancePath: instancePath + "/configHash", schemaPath: "#/properties/configHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err101];
            }
            else {
                vErrors.push(err101);
            }
            errors++;
        }
    }
    if (data.basisHash !== undefined) {
        let data43 = data.basisHash;
        if (typeof data43 === "string") {
            if (!pattern2.test(data43)) {
                const err102 = { instancePath: instancePath + "/basisHash", schemaPath: "#/properties/basisHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err102];
                }
                else {
                    vErrors.push(err102);
                }
                errors++;
            }
        }
        else {
            const err103 = { instancePath: instancePath + "/basisHash", schemaPath: "#/properties/basisHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err103];
            }
            else {
                vErrors.push(err103);
            }
            errors++;
        }
    }
    if (data.observedHash !== undefined) {
        let data44 = data.observedHash;
        if (typeof data44 === "string") {
            if (!pattern2.test(data44)) {
                const err104 = { instancePath: instancePath + "/observedHash", schemaPath: "#/properties/observedHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err104];
                }
                else {
                    vErrors.push(err104);
                }
                errors++;
            }
        }
        else {
            const err105 = { instancePath: instancePath + "/observedHash", schemaPath: "#/properties/observedHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err105];
            }
            else {
                vErrors.push(err105);
            }
            errors++;
        }
    }
    if (data.targets !== undefined) {
        let data45 = data.targets;
        if (Array.isArray(data45)) {
            const len4 = data45.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (typeof data45[i4] !== "string") {
                    const err106 = { instancePath: instancePath + "/targets/" + i4, schemaPath: "#/properties/targets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err106];
                    }
                    else {
                        vErrors.push(err106);
                    }
                    errors++;
                }
            }
        }
        else {
            const err107 = { instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err107];
            }
            else {
                vErrors.push(err107);
            }
            errors++;
        }
    }
    if (data.planHash !== undefined) {
        let data47 = data.planHash;
        if (typeof data47 === "string") {
            if (!pattern2.test(data47)) {
                const err108 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err108];
                }
                else {
                    vErrors.push(err108);
                }
                errors++;
            }
        }
        else {
            const err109 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err109];
            }
            else {
                vErrors.push(err109);
            }
            errors++;
        }
    }
    if (data.generatedAt !== undefined) {
        if (typeof data.generatedAt !== "string") {
            const err110 = { instancePath: instancePath + "/generatedAt", schemaPath: "#/properties/generatedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err110];
            }
            else {
                vErrors.push(err110);
            }
            errors++;
        }
    }
}
else {
    const err111 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err111];
    }
    else {
        vErrors.push(err111);
    }
    errors++;
} validate11.errors = vErrors; return errors === 0; }
const validateResult_fn = validate12;
const schema15 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/result.schema.json", "title": "hyperv-converge result.json: what a run did and whether the host converged", "definitions": { "step": { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false }, "observation": { "type": "object", "description": "as current.json" } }, "type": "object", "properties": { "schemaVersion": { "const": 1 }, "mode": { "enum": ["validate", "plan", "apply", "drift", "reconcile"] }, "status": { "enum": ["no-changes", "changes", "applied", "failed", "refused", "cancelled"] }, "failureReason": { "anyOf": [{ "enum": ["invalid-config", "usage", "backend-error", "observation-incomplete", "safety-refused", "not-approved", "plan-changed", "fork-refused", "locked", "apply-failed", "not-converged", "agents-running", "cancelled", "output-failed", "internal"] }, { "type": "null" }] }, "message": { "type": "string" }, "planHash": { "anyOf": [{ "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, { "type": "null" }] }, "steps": { "type": "array", "items": { "type": "object", "properties": { "stepId": { "type": "string" }, "vm": { "type": "string" }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "outcome": { "enum": ["succeeded", "failed", "timed-out", "skipped", "interrupted"] }, "startedMs": { "type": "integer", "minimum": 0 }, "durationMs": { "type": "integer", "minimum": 0 }, "error": { "anyOf": [{ "type": "null" }, { "type": "object", "properties": { "code": { "type": "string" }, "message": { "type": "string" } }, "required": ["code", "message"], "additionalProperties": false }] } }, "required": ["stepId", "vm", "action", "outcome", "startedMs", "durationMs", "error"], "additionalProperties": false } }, "postObservation": { "anyOf": [{ "$ref": "#/definitions/observation" }, { "type": "null" }] }, "converged": { "type": ["boolean", "null"] }, "remaining": { "type": "array", "items": { "$ref": "#/definitions/step" } }, "extra": { "type": "object" }, "startedAt": { "type": "string" }, "finishedAt": { "type": "string" } }, "required": ["schemaVersion", "mode", "status", "failureReason", "message", "planHash", "steps", "postObservation", "converged", "remaining", "extra"], "additionalProperties": false };
const schema16 = { "type": "object", "description": "as current.json" };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/result.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.schemaVersion === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property '" + "schemaVersion" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.mode === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property '" + "mode" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.status === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.failureReason === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "failureReason" }, message: "must have required property '" + "failureReason" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.message === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.planHash === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "planHash" }, message: "must have required property '" + "planHash" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.steps === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property '" + "steps" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.postObservation === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "postObservation" }, message: "must have required property '" + "postObservation" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.converged === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "converged" }, message: "must have required property '" + "converged" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.remaining === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "remaining" }, message: "must have required property '" + "remaining" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    if (data.extra === undefined) {
        const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "extra" }, message: "must have required property '" + "extra" + "'" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema15.properties, key0))) {
            const err11 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.schemaVersion !== undefined) {
        if (1 !== data.schemaVersion) {
            const err12 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
    if (data.mode !== undefined) {
        let data1 = data.mode;
        if (!(((((data1 === "validate") || (data1 === "plan")) || (data1 === "apply")) || (data1 === "drift")) || (data1 === "reconcile"))) {
            const err13 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema15.properties.mode.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.status !== undefined) {
        let data2 = data.status;
        if (!((((((data2 === "no-changes") || (data2 === "changes")) || (data2 === "applied")) || (data2 === "failed")) || (data2 === "refused")) || (data2 === "cancelled"))) {
            const err14 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema15.properties.status.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.failureReason !== undefined) {
        let data3 = data.failureReason;
        const _errs6 = errors;
        let valid1 = false;
        const _errs7 = errors;
        if (!(((((((((((((((data3 === "invalid-config") || (data3 === "usage")) || (data3 === "backend-error")) || (data3 === "observation-incomplete")) || (data3 === "safety-refused")) || (data3 === "not-approved")) || (data3 === "plan-changed")) || (data3 === "fork-refused")) || (data3 === "locked")) || (data3 === "apply-failed")) || (data3 === "not-converged")) || (data3 === "agents-running")) || (data3 === "cancelled")) || (data3 === "output-failed")) || (data3 === "internal"))) {
            const err15 = { instancePath: instancePath + "/failureReason", schemaPath: "#/properties/failureReason/anyOf/0/enum", keyword: "enum", params: { allowedValues: schema15.properties.failureReason.anyOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
        var _valid0 = _errs7 === errors;
        valid1 = valid1 || _valid0;
        if (!valid1) {
            const _errs8 = errors;
            if (data3 !== null) {
                const err16 = { instancePath: instancePath + "/failureReason", schemaPath: "#/properties/failureReason/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
            var _valid0 = _errs8 === errors;
            valid1 = valid1 || _valid0;
        }
        if (!valid1) {
            const err17 = { instancePath: instancePath + "/failureReason", schemaPath: "#/properties/failureReason/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
        else {
            errors = _errs6;
            if (vErrors !== null) {
                if (_errs6) {
                    vErrors.length = _errs6;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.message !== undefined) {
        if (typeof data.message !== "string") {
            const err18 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.planHash !== undefined) {
        let data5 = data.planHash;
        const _errs13 = errors;
        let valid2 = false;
        const _errs14 = errors;
        if (typeof data5 === "string") {
            if (!pattern2.test(data5)) {
                const err19 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/anyOf/0/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
        }
        else {
            const err20 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
        var _valid1 = _errs14 === errors;
        valid2 = valid2 || _valid1;
        if (!valid2) {
            const _errs16 = errors;
            if (data5 !== null) {
                const err21 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err21];
                }
                else {
                    vErrors.push(err21);
                }
                errors++;
            }
            var _valid1 = _errs16 === errors;
            valid2 = valid2 || _valid1;
        }
        if (!valid2) {
            const err22 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
        else {
            errors = _errs13;
            if (vErrors !== null) {
                if (_errs13) {
                    vErrors.length = _errs13;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.steps !== undefined) {
        let data6 = data.steps;
        if (Array.isArray(data6)) {
            const len0 = data6.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data7 = data6[i0];
                if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                    if (data7.stepId === undefined) {
                        const err23 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "stepId" }, message: "must have required property '" + "stepId" + "'" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                    if (data7.vm === undefined) {
                        const err24 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err24];
                        }
                        else {
                            vErrors.push(err24);
                        }
                        errors++;
                    }
                    if (data7.action === undefined) {
                        const err25 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
                        if (vErrors === null) {
                            vErrors = [err25];
                        }
                        else {
                            vErrors.push(err25);
                        }
                        errors++;
                    }
                    if (data7.outcome === undefined) {
                        const err26 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "outcome" }, message: "must have required property '" + "outcome" + "'" };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                    if (data7.startedMs === undefined) {
                        const err27 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "startedMs" }, message: "must have required property '" + "startedMs" + "'" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    if (data7.durationMs === undefined) {
                        const err28 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "durationMs" }, message: "must have required property '" + "durationMs" + "'" };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                    if (data7.error === undefined) {
                        const err29 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/required", keyword: "required", params: { missingProperty: "error" }, message: "must have required property '" + "error" + "'" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                    for (const key1 in data7) {
                        if (!(((((((key1 === "stepId") || (key1 === "vm")) || (key1 === "action")) || (key1 === "outcome")) || (key1 === "startedMs")) || (key1 === "durationMs")) || (key1 === "error"))) {
                            const err30 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err30];
                            }
                            else {
                                vErrors.push(err30);
                            }
                            errors++;
                        }
                    }
                    if (data7.stepId !== undefined) {
                        if (typeof data7.stepId !== "string") {
                            const err31 = { instancePath: instancePath + "/steps/" + i0 + "/stepId", schemaPath: "#/properties/steps/items/properties/stepId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err31];
                            }
                            else {
                                vErrors.push(err31);
                            }
                            errors++;
                        }
                    }
                    if (data7.vm !== undefined) {
                        if (typeof data7.vm !== "string") {
                            const err32 = { instancePath: instancePath + "/steps/" + i0 + "/vm", schemaPath: "#/properties/steps/items/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err32];
                            }
                            else {
                                vErrors.push(err32);
                            }
                            errors++;
                        }
                    }
                    if (data7.action !== undefined) {
                        let data10 = data7.action;
                        if (!(((((((((((((((((((((((((data10 === "create") || (data10 === "start")) || (data10 === "stop")) || (data10 === "set-cpus")) || (data10 === "set-memory")) || (data10 === "set-secure-boot")) || (data10 === "connect-switch")) || (data10 === "set-mac")) || (data10 === "set-notes")) || (data10 === "grow-disk")) || (data10 === "checkpoint")) || (data10 === "remove")) || (data10 === "add-adapter")) || (data10 === "remove-adapter")) || (data10 === "set-adapter")) || (data10 === "add-disk")) || (data10 === "detach-disk")) || (data10 === "add-dvd")) || (data10 === "set-dvd")) || (data10 === "write-seed")) || (data10 === "set-settings")) || (data10 === "set-integration-services")) || (data10 === "create-switch")) || (data10 === "set-switch-nat")) || (data10 === "remove-switch"))) {
                            const err33 = { instancePath: instancePath + "/steps/" + i0 + "/action", schemaPath: "#/properties/steps/items/properties/action/enum", keyword: "enum", params: { allowedValues: schema15.properties.steps.items.properties.action.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err33];
                            }
                            else {
                                vErrors.push(err33);
                            }
                            errors++;
                        }
                    }
                    if (data7.outcome !== undefined) {
                        let data11 = data7.outcome;
                        if (!(((((data11 === "succeeded") || (data11 === "failed")) || (data11 === "timed-out")) || (data11 === "skipped")) || (data11 === "interrupted"))) {
                            const err34 = { instancePath: instancePath + "/steps/" + i0 + "/outcome", schemaPath: "#/properties/steps/items/properties/outcome/enum", keyword: "enum", params: { allowedValues: schema15.properties.steps.items.properties.outcome.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err34];
                            }
                            else {
                                vErrors.push(err34);
                            }
                            errors++;
                        }
                    }
                    if (data7.startedMs !== undefined) {
                        let data12 = data7.startedMs;
                        if (!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))) {
                            const err35 = { instancePath: instancePath + "/steps/" + i0 + "/startedMs", schemaPath: "#/properties/steps/items/properties/startedMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err35];
                            }
                            else {
                                vErrors.push(err35);
                            }
                            errors++;
                        }
                        if (typeof data12 == "number") {
                            if (data12 < 0 || isNaN(data12)) {
                                const err36 = { instancePath: instancePath + "/steps/" + i0 + "/startedMs", schemaPath: "#/properties/steps/items/properties/startedMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err36];
                                }
                                else {
                                    vErrors.push(err36);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data7.durationMs !== undefined) {
                        let data13 = data7.durationMs;
                        if (!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))) {
                            const err37 = { instancePath: instancePath + "/steps/" + i0 + "/durationMs", schemaPath: "#/properties/steps/items/properties/durationMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err37];
                            }
                            else {
                                vErrors.push(err37);
                            }
                            errors++;
                        }
                        if (typeof data13 == "number") {
                            if (data13 < 0 || isNaN(data13)) {
                                const err38 = { instancePath: instancePath + "/steps/" + i0 + "/durationMs", schemaPath: "#/properties/steps/items/properties/durationMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err38];
                                }
                                else {
                                    vErrors.push(err38);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data7.error !== undefined) {
                        let data14 = data7.error;
                        const _errs34 = errors;
                        let valid6 = false;
                        const _errs35 = errors;
                        if (data14 !== null) {
                            const err39 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            if (vErrors === null) {
                                vErrors = [err39];
                            }
                            else {
                                vErrors.push(err39);
                            }
                            errors++;
                        }
                        var _valid2 = _errs35 === errors;
                        valid6 = valid6 || _valid2;
                        if (!valid6) {
                            const _errs37 = errors;
                            if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                                if (data14.code === undefined) {
                                    const err40 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property '" + "code" + "'" };
                                    if (vErrors === null) {
                                        vErrors = [err40];
                                    }
                                    else {
                                        vErrors.push(err40);
                                    }
                                    errors++;
                                }
                                if (data14.message === undefined) {
                                    const err41 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
                                    if (vErrors === null) {
                                        vErrors = [err41];
                                    }
                                    else {
                                        vErrors.push(err41);
                                    }
                                    errors++;
                                }
                                for (const key2 in data14) {
                                    if (!((key2 === "code") || (key2 === "message"))) {
                                        const err42 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                        if (vErrors === null) {
                                            vErrors = [err42];
                                        }
                                        else {
                                            vErrors.push(err42);
                                        }
                                        errors++;
                                    }
                                }
                                if (data14.code !== undefined) {
                                    if (typeof data14.code !== "string") {
                                        const err43 = { instancePath: instancePath + "/steps/" + i0 + "/error/code", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err43];
                                        }
                                        else {
                                            vErrors.push(err43);
                                        }
                                        errors++;
                                    }
                                }
                                if (data14.message !== undefined) {
                                    if (typeof data14.message !== "string") {
                                        const err44 = { instancePath: instancePath + "/steps/" + i0 + "/error/message", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err44];
                                        }
                                        else {
                                            vErrors.push(err44);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err45 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                if (vErrors === null) {
                                    vErrors = [err45];
                                }
                                else {
                                    vErrors.push(err45);
                                }
                                errors++;
                            }
                            var _valid2 = _errs37 === errors;
                            valid6 = valid6 || _valid2;
                        }
                        if (!valid6) {
                            const err46 = { instancePath: instancePath + "/steps/" + i0 + "/error", schemaPath: "#/properties/steps/items/properties/error/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                            if (vErrors === null) {
                                vErrors = [err46];
                            }
                            else {
                                vErrors.push(err46);
                            }
                            errors++;
                        }
                        else {
                            errors = _errs34;
                            if (vErrors !== null) {
                                if (_errs34) {
                                    vErrors.length = _errs34;
                                }
                                else {
                                    vErrors = null;
                                }
                            }
                        }
                    }
                }
                else {
                    const err47 = { instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err47];
                    }
                    else {
                        vErrors.push(err47);
                    }
                    errors++;
                }
            }
        }
        else {
            const err48 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err48];
            }
            else {
                vErrors.push(err48);
            }
            errors++;
        }
    }
    if (data.postObservation !== undefined) {
        let data17 = data.postObservation;
        const _errs45 = errors;
        let valid8 = false;
        const _errs46 = errors;
        if (!(data17 && typeof data17 == "object" && !Array.isArray(data17))) {
            const err49 = { instancePath: instancePath + "/postObservation", schemaPath: "#/definitions/observation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err49];
            }
            else {
                vErrors.push(err49);
            }
            errors++;
        }
        var _valid3 = _errs46 === errors;
        valid8 = valid8 || _valid3;
        if (!valid8) {
            const _errs49 = errors;
            if (data17 !== null) {
                const err50 = { instancePath: instancePath + "/postObservation", schemaPath: "#/properties/postObservation/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err50];
                }
                else {
                    vErrors.push(err50);
                }
                errors++;
            }
            var _valid3 = _errs49 === errors;
            valid8 = valid8 || _valid3;
        }
        if (!valid8) {
            const err51 = { instancePath: instancePath + "/postObservation", schemaPath: "#/properties/postObservation/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
                vErrors = [err51];
            }
            else {
                vErrors.push(err51);
            }
            errors++;
        }
        else {
            errors = _errs45;
            if (vErrors !== null) {
                if (_errs45) {
                    vErrors.length = _errs45;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.converged !== undefined) {
        let data18 = data.converged;
        if ((typeof data18 !== "boolean") && (data18 !== null)) {
            const err52 = { instancePath: instancePath + "/converged", schemaPath: "#/properties/converged/type", keyword: "type", params: { type: schema15.properties.converged.type }, message: "must be boolean,null" };
            if (vErrors === null) {
                vErrors = [err52];
            }
            else {
                vErrors.push(err52);
            }
            errors++;
        }
    }
    if (data.remaining !== undefined) {
        let data19 = data.remaining;
        if (Array.isArray(data19)) {
            const len1 = data19.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data20 = data19[i1];
                if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
                    if (data20.id === undefined) {
                        const err53 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                        if (vErrors === null) {
                            vErrors = [err53];
                        }
                        else {
                            vErrors.push(err53);
                        }
                        errors++;
                    }
                    if (data20.vm === undefined) {
                        const err54 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err54];
                        }
                        else {
                            vErrors.push(err54);
                        }
                        errors++;
                    }
                    if (data20.vmId === undefined) {
                        const err55 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "vmId" }, message: "must have required property '" + "vmId" + "'" };
                        if (vErrors === null) {
                            vErrors = [err55];
                        }
                        else {
                            vErrors.push(err55);
                        }
                        errors++;
                    }
                    if (data20.action === undefined) {
                        const err56 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
                        if (vErrors === null) {
                            vErrors = [err56];
                        }
                        else {
                            vErrors.push(err56);
                        }
                        errors++;
                    }
                    if (data20.from === undefined) {
                        const err57 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property '" + "from" + "'" };
                        if (vErrors === null) {
                            vErrors = [err57];
                        }
                        else {
                            vErrors.push(err57);
                        }
                        errors++;
                    }
                    if (data20.to === undefined) {
                        const err58 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property '" + "to" + "'" };
                        if (vErrors === null) {
                            vErrors = [err58];
                        }
                        else {
                            vErrors.push(err58);
                        }
                        errors++;
                    }
                    if (data20.reason === undefined) {
                        const err59 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property '" + "reason" + "'" };
                        if (vErrors === null) {
                            vErrors = [err59];
                        }
                        else {
                            vErrors.push(err59);
                        }
                        errors++;
                    }
                    if (data20.disruption === undefined) {
                        const err60 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "disruption" }, message: "must have required property '" + "disruption" + "'" };
                        if (vErrors === null) {
                            vErrors = [err60];
                        }
                        else {
                            vErrors.push(err60);
                        }
                        errors++;
                    }
                    if (data20.group === undefined) {
                        const err61 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property '" + "group" + "'" };
                        if (vErrors === null) {
                            vErrors = [err61];
                        }
                        else {
                            vErrors.push(err61);
                        }
                        errors++;
                    }
                    if (data20.operation === undefined) {
                        const err62 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property '" + "operation" + "'" };
                        if (vErrors === null) {
                            vErrors = [err62];
                        }
                        else {
                            vErrors.push(err62);
                        }
                        errors++;
                    }
                    for (const key3 in data20) {
                        if (!(func2.call(schema13.properties, key3))) {
                            const err63 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err63];
                            }
                            else {
                                vErrors.push(err63);
                            }
                            errors++;
                        }
                    }
                    if (data20.id !== undefined) {
                        if (typeof data20.id !== "string") {
                            const err64 = { instancePath: instancePath + "/remaining/" + i1 + "/id", schemaPath: "#/definitions/step/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err64];
                            }
                            else {
                                vErrors.push(err64);
                            }
                            errors++;
                        }
                    }
                    if (data20.vm !== undefined) {
                        if (typeof data20.vm !== "string") {
                            const err65 = { instancePath: instancePath + "/remaining/" + i1 + "/vm", schemaPath: "#/definitions/step/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err65];
                            }
                            else {
                                vErrors.push(err65);
                            }
                            errors++;
                        }
                    }
                    if (data20.vmId !== undefined) {
                        let data23 = data20.vmId;
                        if ((typeof data23 !== "string") && (data23 !== null)) {
                            const err66 = { instancePath: instancePath + "/remaining/" + i1 + "/vmId", schemaPath: "#/definitions/step/properties/vmId/type", keyword: "type", params: { type: schema13.properties.vmId.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err66];
                            }
                            else {
                                vErrors.push(err66);
                            }
                            errors++;
                        }
                    }
                    if (data20.action !== undefined) {
                        let data24 = data20.action;
                        if (!(((((((((((((((((((((((((data24 === "create") || (data24 === "start")) || (data24 === "stop")) || (data24 === "set-cpus")) || (data24 === "set-memory")) || (data24 === "set-secure-boot")) || (data24 === "connect-switch")) || (data24 === "set-mac")) || (data24 === "set-notes")) || (data24 === "grow-disk")) || (data24 === "checkpoint")) || (data24 === "remove")) || (data24 === "add-adapter")) || (data24 === "remove-adapter")) || (data24 === "set-adapter")) || (data24 === "add-disk")) || (data24 === "detach-disk")) || (data24 === "add-dvd")) || (data24 === "set-dvd")) || (data24 === "write-seed")) || (data24 === "set-settings")) || (data24 === "set-integration-services")) || (data24 === "create-switch")) || (data24 === "set-switch-nat")) || (data24 === "remove-switch"))) {
                            const err67 = { instancePath: instancePath + "/remaining/" + i1 + "/action", schemaPath: "#/definitions/step/properties/action/enum", keyword: "enum", params: { allowedValues: schema13.properties.action.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err67];
                            }
                            else {
                                vErrors.push(err67);
                            }
                            errors++;
                        }
                    }
                    if (data20.reason !== undefined) {
                        if (typeof data20.reason !== "string") {
                            const err68 = { instancePath: instancePath + "/remaining/" + i1 + "/reason", schemaPath: "#/definitions/step/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err68];
                            }
                            else {
                                vErrors.push(err68);
                            }
                            errors++;
                        }
                    }
                    if (data20.disruption !== undefined) {
                        let data26 = data20.disruption;
                        if (!(((data26 === "benign") || (data26 === "disruptive")) || (data26 === "destructive"))) {
                            const err69 = { instancePath: instancePath + "/remaining/" + i1 + "/disruption", schemaPath: "#/definitions/step/properties/disruption/enum", keyword: "enum", params: { allowedValues: schema13.properties.disruption.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err69];
                            }
                            else {
                                vErrors.push(err69);
                            }
                            errors++;
                        }
                    }
                    if (data20.group !== undefined) {
                        if (typeof data20.group !== "string") {
                            const err70 = { instancePath: instancePath + "/remaining/" + i1 + "/group", schemaPath: "#/definitions/step/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err70];
                            }
                            else {
                                vErrors.push(err70);
                            }
                            errors++;
                        }
                    }
                    if (data20.operation !== undefined) {
                        let data28 = data20.operation;
                        if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                            if (data28.op === undefined) {
                                const err71 = { instancePath: instancePath + "/remaining/" + i1 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property '" + "op" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err71];
                                }
                                else {
                                    vErrors.push(err71);
                                }
                                errors++;
                            }
                            if (data28.args === undefined) {
                                const err72 = { instancePath: instancePath + "/remaining/" + i1 + "/operation", schemaPath: "#/definitions/step/properties/operation/required", keyword: "required", params: { missingProperty: "args" }, message: "must have required property '" + "args" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err72];
                                }
                                else {
                                    vErrors.push(err72);
                                }
                                errors++;
                            }
                            for (const key4 in data28) {
                                if (!((key4 === "op") || (key4 === "args"))) {
                                    const err73 = { instancePath: instancePath + "/remaining/" + i1 + "/operation", schemaPath: "#/definitions/step/properties/operation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err73];
                                    }
                                    else {
                                        vErrors.push(err73);
                                    }
                                    errors++;
                                }
                            }
                            if (data28.op !== undefined) {
                                if (typeof data28.op !== "string") {
                                    const err74 = { instancePath: instancePath + "/remaining/" + i1 + "/operation/op", schemaPath: "#/definitions/step/properties/operation/properties/op/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err74];
                                    }
                                    else {
                                        vErrors.push(err74);
                                    }
                                    errors++;
                                }
                            }
                            if (data28.args !== undefined) {
                                let data30 = data28.args;
                                if (!(data30 && typeof data30 == "object" && !Array.isArray(data30))) {
                                    const err75 = { instancePath: instancePath + "/remaining/" + i1 + "/operation/args", schemaPath: "#/definitions/step/properties/operation/properties/args/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err75];
                                    }
                                    else {
                                        vErrors.push(err75);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err76 = { instancePath: instancePath + "/remaining/" + i1 + "/operation", schemaPath: "#/definitions/step/properties/operation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err76];
                            }
                            else {
                                vErrors.push(err76);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err77 = { instancePath: instancePath + "/remaining/" + i1, schemaPath: "#/definitions/step/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err77];
                    }
                    else {
                        vErrors.push(err77);
                    }
                    errors++;
                }
            }
        }
        else {
            const err78 = { instancePath: instancePath + "/remaining", schemaPath: "#/properties/remaining/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err78];
            }
            else {
                vErrors.push(err78);
            }
            errors++;
        }
    }
    if (data.extra !== undefined) {
        let data31 = data.extra;
        if (!(data31 && typeof data31 == "object" && !Array.isArray(data31))) {
            const err79 = { instancePath: instancePath + "/extra", schemaPath: "#/properties/extra/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err79];
            }
            else {
                vErrors.push(err79);
            }
            errors++;
        }
    }
    if (data.startedAt !== undefined) {
        if (typeof data.startedAt !== "string") {
            const err80 = { instancePath: instancePath + "/startedAt", schemaPath: "#/properties/startedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err80];
            }
            else {
                vErrors.push(err80);
            }
            errors++;
        }
    }
    if (data.finishedAt !== undefined) {
        if (typeof data.finishedAt !== "string") {
            const err81 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err81];
            }
            else {
                vErrors.push(err81);
            }
            errors++;
        }
    }
}
else {
    const err82 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err82];
    }
    else {
        vErrors.push(err82);
    }
    errors++;
} validate12.errors = vErrors; return errors === 0; }
const validateCurrent = validateCurrent_fn;
const validatePlan = validatePlan_fn;
const validateResult = validateResult_fn;

;// CONCATENATED MODULE: ./src/artifacts/validate.ts

// ajv's standalone code for the published schemas, generated at build time (scripts/validators.ts).
const validators = { current: validateCurrent, plan: validatePlan, result: validateResult };
/** Problems as `path: message` lines; empty when valid. */
function artifactProblems(kind, value) {
    const v = validators[kind];
    if (v(value))
        return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}


/***/ })

};
