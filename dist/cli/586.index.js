export const id = 586;
export const ids = [586];
export const modules = {

/***/ 586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  artifactProblems: () => (/* binding */ artifactProblems)
});

;// CONCATENATED MODULE: ./src/generated/artifact-validators.ts
const validateCurrent_fn = validate21;
const schema6 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/current.schema.json", "title": "hyperv-converge current.json: what observe saw", "type": "object", "properties": { "schemaVersion": { "const": 1 }, "backend": { "enum": ["hyperv", "sim", "replay"] }, "host": { "type": "object", "properties": { "computerName": { "type": "string" }, "switches": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "type": { "type": "string" }, "notes": { "type": "string" }, "nat": { "type": ["string", "null"] } }, "required": ["name", "type"], "additionalProperties": false } }, "paths": { "type": "array", "items": { "type": "object", "properties": { "path": { "type": "string" }, "exists": { "type": "boolean" }, "sizeBytes": { "type": ["integer", "null"], "minimum": 0 }, "sha256": { "type": ["string", "null"], "pattern": "^[0-9a-f]{64}$" } }, "required": ["path", "exists"], "additionalProperties": false } }, "neighbors": { "type": "array", "items": { "type": "object", "properties": { "ip": { "type": "string" }, "mac": { "type": "string" }, "state": { "type": "string" } }, "required": ["ip", "mac", "state"], "additionalProperties": false } } }, "required": ["computerName", "switches", "paths", "neighbors"], "additionalProperties": false }, "complete": { "type": "boolean" }, "incomplete": { "type": "array", "items": { "type": "object", "properties": { "code": { "enum": ["host-unreachable", "agent-failed", "unparseable", "transitional-state", "unknown-state", "duplicate-name", "duplicate-id", "identity-changed", "query-failed", "permission-denied"] }, "message": { "type": "string" }, "vm": { "type": "string" } }, "required": ["code", "message"], "additionalProperties": false } }, "observedAt": { "type": "string" }, "guests": { "type": "object", "description": "Guest network discovery, when configured" }, "vms": { "type": "array", "items": { "$ref": "urn:hyperv-converge:current:vm" } } }, "required": ["schemaVersion", "backend", "host", "complete", "incomplete", "vms"], "additionalProperties": false };
const pattern0 = new RegExp("^[0-9a-f]{64}$", "u");
const schema7 = { "$id": "urn:hyperv-converge:current:vm", "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "state": { "type": "string", "description": "Hyper-V's VMState by name" }, "generation": { "enum": [1, 2] }, "cpus": { "type": "integer", "minimum": 1 }, "memory": { "type": "object", "properties": { "dynamic": { "type": "boolean" }, "startupBytes": { "type": "integer", "minimum": 0 }, "minimumBytes": { "type": "integer", "minimum": 0 }, "maximumBytes": { "type": "integer", "minimum": 0 } }, "required": ["dynamic", "startupBytes", "minimumBytes", "maximumBytes"], "additionalProperties": false }, "secureBoot": { "type": ["boolean", "null"] }, "notes": { "type": "string" }, "path": { "type": "string" }, "adapters": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "switch": { "type": ["string", "null"] }, "mac": { "type": "string", "pattern": "^[0-9A-F]{12}$" }, "dynamicMac": { "type": "boolean" }, "ips": { "type": "array", "items": { "type": "string" } }, "vlan": { "type": ["integer", "null"] }, "macSpoofing": { "type": "boolean" }, "dhcpGuard": { "type": "boolean" }, "routerGuard": { "type": "boolean" } }, "required": ["name", "switch", "mac", "dynamicMac", "ips"], "additionalProperties": false } }, "disks": { "type": "array", "items": { "type": "object", "properties": { "path": { "type": "string" }, "sizeBytes": { "type": "integer", "minimum": 0 }, "parentPath": { "type": ["string", "null"] }, "controllerType": { "enum": ["SCSI", "IDE"] }, "controllerNumber": { "type": "integer", "minimum": 0 }, "controllerLocation": { "type": "integer", "minimum": 0 } }, "required": ["path", "sizeBytes", "parentPath"], "additionalProperties": false } }, "dvdDrives": { "type": "array", "items": { "type": "object", "properties": { "controllerType": { "enum": ["SCSI", "IDE"] }, "controllerNumber": { "type": "integer", "minimum": 0 }, "controllerLocation": { "type": "integer", "minimum": 0 }, "path": { "type": ["string", "null"] } }, "required": ["controllerType", "controllerNumber", "controllerLocation", "path"], "additionalProperties": false } }, "tpm": { "type": ["boolean", "null"] }, "secureBootTemplate": { "type": ["string", "null"] }, "nestedVirtualization": { "type": "boolean" }, "checkpointType": { "type": "string" }, "automaticStartAction": { "type": "string" }, "automaticStartDelaySec": { "type": "integer", "minimum": 0 }, "automaticStopAction": { "type": "string" }, "compatibilityForMigration": { "type": "boolean" }, "memoryWeight": { "type": "integer", "minimum": 0 }, "memoryBuffer": { "type": "integer", "minimum": 0 }, "firstBootDevice": { "type": "string" }, "checkpoints": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } }, "required": ["id", "name"], "additionalProperties": false } }, "integrationServices": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "enabled": { "type": "boolean" }, "status": { "type": "string" } }, "required": ["id", "name", "enabled", "status"], "additionalProperties": false } } }, "required": ["id", "name", "state", "generation", "cpus", "memory", "secureBoot", "notes", "path", "adapters", "disks", "checkpoints", "integrationServices"], "additionalProperties": false };
const func2 = Object.prototype.hasOwnProperty;
const pattern1 = new RegExp("^[0-9A-F]{12}$", "u");
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:current:vm" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.name === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.state === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property '" + "state" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.generation === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "generation" }, message: "must have required property '" + "generation" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.cpus === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "cpus" }, message: "must have required property '" + "cpus" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.memory === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "memory" }, message: "must have required property '" + "memory" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.secureBoot === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "secureBoot" }, message: "must have required property '" + "secureBoot" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.notes === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "notes" }, message: "must have required property '" + "notes" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.path === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.adapters === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "adapters" }, message: "must have required property '" + "adapters" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    if (data.disks === undefined) {
        const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "disks" }, message: "must have required property '" + "disks" + "'" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    if (data.checkpoints === undefined) {
        const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "checkpoints" }, message: "must have required property '" + "checkpoints" + "'" };
        if (vErrors === null) {
            vErrors = [err11];
        }
        else {
            vErrors.push(err11);
        }
        errors++;
    }
    if (data.integrationServices === undefined) {
        const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "integrationServices" }, message: "must have required property '" + "integrationServices" + "'" };
        if (vErrors === null) {
            vErrors = [err12];
        }
        else {
            vErrors.push(err12);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema7.properties, key0))) {
            const err13 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.id !== undefined) {
        if (typeof data.id !== "string") {
            const err14 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        if (typeof data.name !== "string") {
            const err15 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.state !== undefined) {
        if (typeof data.state !== "string") {
            const err16 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.generation !== undefined) {
        let data3 = data.generation;
        if (!((data3 === 1) || (data3 === 2))) {
            const err17 = { instancePath: instancePath + "/generation", schemaPath: "#/properties/generation/enum", keyword: "enum", params: { allowedValues: schema7.properties.generation.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.cpus !== undefined) {
        let data4 = data.cpus;
        if (!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))) {
            const err18 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
        if (typeof data4 == "number") {
            if (data4 < 1 || isNaN(data4)) {
                const err19 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
        }
    }
    if (data.memory !== undefined) {
        let data5 = data.memory;
        if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.dynamic === undefined) {
                const err20 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/required", keyword: "required", params: { missingProperty: "dynamic" }, message: "must have required property '" + "dynamic" + "'" };
                if (vErrors === null) {
                    vErrors = [err20];
                }
                else {
                    vErrors.push(err20);
                }
                errors++;
            }
            if (data5.startupBytes === undefined) {
                const err21 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/required", keyword: "required", params: { missingProperty: "startupBytes" }, message: "must have required property '" + "startupBytes" + "'" };
                if (vErrors === null) {
                    vErrors = [err21];
                }
                else {
                    vErrors.push(err21);
                }
                errors++;
            }
            if (data5.minimumBytes === undefined) {
                const err22 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/required", keyword: "required", params: { missingProperty: "minimumBytes" }, message: "must have required property '" + "minimumBytes" + "'" };
                if (vErrors === null) {
                    vErrors = [err22];
                }
                else {
                    vErrors.push(err22);
                }
                errors++;
            }
            if (data5.maximumBytes === undefined) {
                const err23 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/required", keyword: "required", params: { missingProperty: "maximumBytes" }, message: "must have required property '" + "maximumBytes" + "'" };
                if (vErrors === null) {
                    vErrors = [err23];
                }
                else {
                    vErrors.push(err23);
                }
                errors++;
            }
            for (const key1 in data5) {
                if (!((((key1 === "dynamic") || (key1 === "startupBytes")) || (key1 === "minimumBytes")) || (key1 === "maximumBytes"))) {
                    const err24 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data5.dynamic !== undefined) {
                if (typeof data5.dynamic !== "boolean") {
                    const err25 = { instancePath: instancePath + "/memory/dynamic", schemaPath: "#/properties/memory/properties/dynamic/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
            }
            if (data5.startupBytes !== undefined) {
                let data7 = data5.startupBytes;
                if (!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))) {
                    const err26 = { instancePath: instancePath + "/memory/startupBytes", schemaPath: "#/properties/memory/properties/startupBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err26];
                    }
                    else {
                        vErrors.push(err26);
                    }
                    errors++;
                }
                if (typeof data7 == "number") {
                    if (data7 < 0 || isNaN(data7)) {
                        const err27 = { instancePath: instancePath + "/memory/startupBytes", schemaPath: "#/properties/memory/properties/startupBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                }
            }
            if (data5.minimumBytes !== undefined) {
                let data8 = data5.minimumBytes;
                if (!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))) {
                    const err28 = { instancePath: instancePath + "/memory/minimumBytes", schemaPath: "#/properties/memory/properties/minimumBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
                if (typeof data8 == "number") {
                    if (data8 < 0 || isNaN(data8)) {
                        const err29 = { instancePath: instancePath + "/memory/minimumBytes", schemaPath: "#/properties/memory/properties/minimumBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                }
            }
            if (data5.maximumBytes !== undefined) {
                let data9 = data5.maximumBytes;
                if (!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))) {
                    const err30 = { instancePath: instancePath + "/memory/maximumBytes", schemaPath: "#/properties/memory/properties/maximumBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err30];
                    }
                    else {
                        vErrors.push(err30);
                    }
                    errors++;
                }
                if (typeof data9 == "number") {
                    if (data9 < 0 || isNaN(data9)) {
                        const err31 = { instancePath: instancePath + "/memory/maximumBytes", schemaPath: "#/properties/memory/properties/maximumBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err31];
                        }
                        else {
                            vErrors.push(err31);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err32 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err32];
            }
            else {
                vErrors.push(err32);
            }
            errors++;
        }
    }
    if (data.secureBoot !== undefined) {
        let data10 = data.secureBoot;
        if ((typeof data10 !== "boolean") && (data10 !== null)) {
            const err33 = { instancePath: instancePath + "/secureBoot", schemaPath: "#/properties/secureBoot/type", keyword: "type", params: { type: schema7.properties.secureBoot.type }, message: "must be boolean,null" };
            if (vErrors === null) {
                vErrors = [err33];
            }
            else {
                vErrors.push(err33);
            }
            errors++;
        }
    }
    if (data.notes !== undefined) {
        if (typeof data.notes !== "string") {
            const err34 = { instancePath: instancePath + "/notes", schemaPath: "#/properties/notes/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err34];
            }
            else {
                vErrors.push(err34);
            }
            errors++;
        }
    }
    if (data.path !== undefined) {
        if (typeof data.path !== "string") {
            const err35 = { instancePath: instancePath + "/path", schemaPath: "#/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err35];
            }
            else {
                vErrors.push(err35);
            }
            errors++;
        }
    }
    if (data.adapters !== undefined) {
        let data13 = data.adapters;
        if (Array.isArray(data13)) {
            const len0 = data13.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data14 = data13[i0];
                if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                    if (data14.name === undefined) {
                        const err36 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                        if (vErrors === null) {
                            vErrors = [err36];
                        }
                        else {
                            vErrors.push(err36);
                        }
                        errors++;
                    }
                    if (data14.switch === undefined) {
                        const err37 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/required", keyword: "required", params: { missingProperty: "switch" }, message: "must have required property '" + "switch" + "'" };
                        if (vErrors === null) {
                            vErrors = [err37];
                        }
                        else {
                            vErrors.push(err37);
                        }
                        errors++;
                    }
                    if (data14.mac === undefined) {
                        const err38 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/required", keyword: "required", params: { missingProperty: "mac" }, message: "must have required property '" + "mac" + "'" };
                        if (vErrors === null) {
                            vErrors = [err38];
                        }
                        else {
                            vErrors.push(err38);
                        }
                        errors++;
                    }
                    if (data14.dynamicMac === undefined) {
                        const err39 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/required", keyword: "required", params: { missingProperty: "dynamicMac" }, message: "must have required property '" + "dynamicMac" + "'" };
                        if (vErrors === null) {
                            vErrors = [err39];
                        }
                        else {
                            vErrors.push(err39);
                        }
                        errors++;
                    }
                    if (data14.ips === undefined) {
                        const err40 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/required", keyword: "required", params: { missingProperty: "ips" }, message: "must have required property '" + "ips" + "'" };
                        if (vErrors === null) {
                            vErrors = [err40];
                        }
                        else {
                            vErrors.push(err40);
                        }
                        errors++;
                    }
                    for (const key2 in data14) {
                        if (!(func2.call(schema7.properties.adapters.items.properties, key2))) {
                            const err41 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err41];
                            }
                            else {
                                vErrors.push(err41);
                            }
                            errors++;
                        }
                    }
                    if (data14.name !== undefined) {
                        if (typeof data14.name !== "string") {
                            const err42 = { instancePath: instancePath + "/adapters/" + i0 + "/name", schemaPath: "#/properties/adapters/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err42];
                            }
                            else {
                                vErrors.push(err42);
                            }
                            errors++;
                        }
                    }
                    if (data14.switch !== undefined) {
                        let data16 = data14.switch;
                        if ((typeof data16 !== "string") && (data16 !== null)) {
                            const err43 = { instancePath: instancePath + "/adapters/" + i0 + "/switch", schemaPath: "#/properties/adapters/items/properties/switch/type", keyword: "type", params: { type: schema7.properties.adapters.items.properties.switch.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err43];
                            }
                            else {
                                vErrors.push(err43);
                            }
                            errors++;
                        }
                    }
                    if (data14.mac !== undefined) {
                        let data17 = data14.mac;
                        if (typeof data17 === "string") {
                            if (!pattern1.test(data17)) {
                                const err44 = { instancePath: instancePath + "/adapters/" + i0 + "/mac", schemaPath: "#/properties/adapters/items/properties/mac/pattern", keyword: "pattern", params: { pattern: "^[0-9A-F]{12}$" }, message: "must match pattern \"" + "^[0-9A-F]{12}$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err44];
                                }
                                else {
                                    vErrors.push(err44);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err45 = { instancePath: instancePath + "/adapters/" + i0 + "/mac", schemaPath: "#/properties/adapters/items/properties/mac/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err45];
                            }
                            else {
                                vErrors.push(err45);
                            }
                            errors++;
                        }
                    }
                    if (data14.dynamicMac !== undefined) {
                        if (typeof data14.dynamicMac !== "boolean") {
                            const err46 = { instancePath: instancePath + "/adapters/" + i0 + "/dynamicMac", schemaPath: "#/properties/adapters/items/properties/dynamicMac/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err46];
                            }
                            else {
                                vErrors.push(err46);
                            }
                            errors++;
                        }
                    }
                    if (data14.ips !== undefined) {
                        let data19 = data14.ips;
                        if (Array.isArray(data19)) {
                            const len1 = data19.length;
                            for (let i1 = 0; i1 < len1; i1++) {
                                if (typeof data19[i1] !== "string") {
                                    const err47 = { instancePath: instancePath + "/adapters/" + i0 + "/ips/" + i1, schemaPath: "#/properties/adapters/items/properties/ips/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
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
                            const err48 = { instancePath: instancePath + "/adapters/" + i0 + "/ips", schemaPath: "#/properties/adapters/items/properties/ips/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err48];
                            }
                            else {
                                vErrors.push(err48);
                            }
                            errors++;
                        }
                    }
                    if (data14.vlan !== undefined) {
                        let data21 = data14.vlan;
                        if ((!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))) && (data21 !== null)) {
                            const err49 = { instancePath: instancePath + "/adapters/" + i0 + "/vlan", schemaPath: "#/properties/adapters/items/properties/vlan/type", keyword: "type", params: { type: schema7.properties.adapters.items.properties.vlan.type }, message: "must be integer,null" };
                            if (vErrors === null) {
                                vErrors = [err49];
                            }
                            else {
                                vErrors.push(err49);
                            }
                            errors++;
                        }
                    }
                    if (data14.macSpoofing !== undefined) {
                        if (typeof data14.macSpoofing !== "boolean") {
                            const err50 = { instancePath: instancePath + "/adapters/" + i0 + "/macSpoofing", schemaPath: "#/properties/adapters/items/properties/macSpoofing/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err50];
                            }
                            else {
                                vErrors.push(err50);
                            }
                            errors++;
                        }
                    }
                    if (data14.dhcpGuard !== undefined) {
                        if (typeof data14.dhcpGuard !== "boolean") {
                            const err51 = { instancePath: instancePath + "/adapters/" + i0 + "/dhcpGuard", schemaPath: "#/properties/adapters/items/properties/dhcpGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err51];
                            }
                            else {
                                vErrors.push(err51);
                            }
                            errors++;
                        }
                    }
                    if (data14.routerGuard !== undefined) {
                        if (typeof data14.routerGuard !== "boolean") {
                            const err52 = { instancePath: instancePath + "/adapters/" + i0 + "/routerGuard", schemaPath: "#/properties/adapters/items/properties/routerGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
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
                    const err53 = { instancePath: instancePath + "/adapters/" + i0, schemaPath: "#/properties/adapters/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err53];
                    }
                    else {
                        vErrors.push(err53);
                    }
                    errors++;
                }
            }
        }
        else {
            const err54 = { instancePath: instancePath + "/adapters", schemaPath: "#/properties/adapters/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err54];
            }
            else {
                vErrors.push(err54);
            }
            errors++;
        }
    }
    if (data.disks !== undefined) {
        let data25 = data.disks;
        if (Array.isArray(data25)) {
            const len2 = data25.length;
            for (let i2 = 0; i2 < len2; i2++) {
                let data26 = data25[i2];
                if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                    if (data26.path === undefined) {
                        const err55 = { instancePath: instancePath + "/disks/" + i2, schemaPath: "#/properties/disks/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                        if (vErrors === null) {
                            vErrors = [err55];
                        }
                        else {
                            vErrors.push(err55);
                        }
                        errors++;
                    }
                    if (data26.sizeBytes === undefined) {
                        const err56 = { instancePath: instancePath + "/disks/" + i2, schemaPath: "#/properties/disks/items/required", keyword: "required", params: { missingProperty: "sizeBytes" }, message: "must have required property '" + "sizeBytes" + "'" };
                        if (vErrors === null) {
                            vErrors = [err56];
                        }
                        else {
                            vErrors.push(err56);
                        }
                        errors++;
                    }
                    if (data26.parentPath === undefined) {
                        const err57 = { instancePath: instancePath + "/disks/" + i2, schemaPath: "#/properties/disks/items/required", keyword: "required", params: { missingProperty: "parentPath" }, message: "must have required property '" + "parentPath" + "'" };
                        if (vErrors === null) {
                            vErrors = [err57];
                        }
                        else {
                            vErrors.push(err57);
                        }
                        errors++;
                    }
                    for (const key3 in data26) {
                        if (!((((((key3 === "path") || (key3 === "sizeBytes")) || (key3 === "parentPath")) || (key3 === "controllerType")) || (key3 === "controllerNumber")) || (key3 === "controllerLocation"))) {
                            const err58 = { instancePath: instancePath + "/disks/" + i2, schemaPath: "#/properties/disks/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err58];
                            }
                            else {
                                vErrors.push(err58);
                            }
                            errors++;
                        }
                    }
                    if (data26.path !== undefined) {
                        if (typeof data26.path !== "string") {
                            const err59 = { instancePath: instancePath + "/disks/" + i2 + "/path", schemaPath: "#/properties/disks/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err59];
                            }
                            else {
                                vErrors.push(err59);
                            }
                            errors++;
                        }
                    }
                    if (data26.sizeBytes !== undefined) {
                        let data28 = data26.sizeBytes;
                        if (!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))) {
                            const err60 = { instancePath: instancePath + "/disks/" + i2 + "/sizeBytes", schemaPath: "#/properties/disks/items/properties/sizeBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err60];
                            }
                            else {
                                vErrors.push(err60);
                            }
                            errors++;
                        }
                        if (typeof data28 == "number") {
                            if (data28 < 0 || isNaN(data28)) {
                                const err61 = { instancePath: instancePath + "/disks/" + i2 + "/sizeBytes", schemaPath: "#/properties/disks/items/properties/sizeBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err61];
                                }
                                else {
                                    vErrors.push(err61);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data26.parentPath !== undefined) {
                        let data29 = data26.parentPath;
                        if ((typeof data29 !== "string") && (data29 !== null)) {
                            const err62 = { instancePath: instancePath + "/disks/" + i2 + "/parentPath", schemaPath: "#/properties/disks/items/properties/parentPath/type", keyword: "type", params: { type: schema7.properties.disks.items.properties.parentPath.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err62];
                            }
                            else {
                                vErrors.push(err62);
                            }
                            errors++;
                        }
                    }
                    if (data26.controllerType !== undefined) {
                        let data30 = data26.controllerType;
                        if (!((data30 === "SCSI") || (data30 === "IDE"))) {
                            const err63 = { instancePath: instancePath + "/disks/" + i2 + "/controllerType", schemaPath: "#/properties/disks/items/properties/controllerType/enum", keyword: "enum", params: { allowedValues: schema7.properties.disks.items.properties.controllerType.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err63];
                            }
                            else {
                                vErrors.push(err63);
                            }
                            errors++;
                        }
                    }
                    if (data26.controllerNumber !== undefined) {
                        let data31 = data26.controllerNumber;
                        if (!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))) {
                            const err64 = { instancePath: instancePath + "/disks/" + i2 + "/controllerNumber", schemaPath: "#/properties/disks/items/properties/controllerNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err64];
                            }
                            else {
                                vErrors.push(err64);
                            }
                            errors++;
                        }
                        if (typeof data31 == "number") {
                            if (data31 < 0 || isNaN(data31)) {
                                const err65 = { instancePath: instancePath + "/disks/" + i2 + "/controllerNumber", schemaPath: "#/properties/disks/items/properties/controllerNumber/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err65];
                                }
                                else {
                                    vErrors.push(err65);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data26.controllerLocation !== undefined) {
                        let data32 = data26.controllerLocation;
                        if (!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))) {
                            const err66 = { instancePath: instancePath + "/disks/" + i2 + "/controllerLocation", schemaPath: "#/properties/disks/items/properties/controllerLocation/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err66];
                            }
                            else {
                                vErrors.push(err66);
                            }
                            errors++;
                        }
                        if (typeof data32 == "number") {
                            if (data32 < 0 || isNaN(data32)) {
                                const err67 = { instancePath: instancePath + "/disks/" + i2 + "/controllerLocation", schemaPath: "#/properties/disks/items/properties/controllerLocation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err67];
                                }
                                else {
                                    vErrors.push(err67);
                                }
                                errors++;
                            }
                        }
                    }
                }
                else {
                    const err68 = { instancePath: instancePath + "/disks/" + i2, schemaPath: "#/properties/disks/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err68];
                    }
                    else {
                        vErrors.push(err68);
                    }
                    errors++;
                }
            }
        }
        else {
            const err69 = { instancePath: instancePath + "/disks", schemaPath: "#/properties/disks/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err69];
            }
            else {
                vErrors.push(err69);
            }
            errors++;
        }
    }
    if (data.dvdDrives !== undefined) {
        let data33 = data.dvdDrives;
        if (Array.isArray(data33)) {
            const len3 = data33.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data34 = data33[i3];
                if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                    if (data34.controllerType === undefined) {
                        const err70 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerType" }, message: "must have required property '" + "controllerType" + "'" };
                        if (vErrors === null) {
                            vErrors = [err70];
                        }
                        else {
                            vErrors.push(err70);
                        }
                        errors++;
                    }
                    if (data34.controllerNumber === undefined) {
                        const err71 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerNumber" }, message: "must have required property '" + "controllerNumber" + "'" };
                        if (vErrors === null) {
                            vErrors = [err71];
                        }
                        else {
                            vErrors.push(err71);
                        }
                        errors++;
                    }
                    if (data34.controllerLocation === undefined) {
                        const err72 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "controllerLocation" }, message: "must have required property '" + "controllerLocation" + "'" };
                        if (vErrors === null) {
                            vErrors = [err72];
                        }
                        else {
                            vErrors.push(err72);
                        }
                        errors++;
                    }
                    if (data34.path === undefined) {
                        const err73 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                        if (vErrors === null) {
                            vErrors = [err73];
                        }
                        else {
                            vErrors.push(err73);
                        }
                        errors++;
                    }
                    for (const key4 in data34) {
                        if (!((((key4 === "controllerType") || (key4 === "controllerNumber")) || (key4 === "controllerLocation")) || (key4 === "path"))) {
                            const err74 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err74];
                            }
                            else {
                                vErrors.push(err74);
                            }
                            errors++;
                        }
                    }
                    if (data34.controllerType !== undefined) {
                        let data35 = data34.controllerType;
                        if (!((data35 === "SCSI") || (data35 === "IDE"))) {
                            const err75 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/controllerType", schemaPath: "#/properties/dvdDrives/items/properties/controllerType/enum", keyword: "enum", params: { allowedValues: schema7.properties.dvdDrives.items.properties.controllerType.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err75];
                            }
                            else {
                                vErrors.push(err75);
                            }
                            errors++;
                        }
                    }
                    if (data34.controllerNumber !== undefined) {
                        let data36 = data34.controllerNumber;
                        if (!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))) {
                            const err76 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/controllerNumber", schemaPath: "#/properties/dvdDrives/items/properties/controllerNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err76];
                            }
                            else {
                                vErrors.push(err76);
                            }
                            errors++;
                        }
                        if (typeof data36 == "number") {
                            if (data36 < 0 || isNaN(data36)) {
                                const err77 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/controllerNumber", schemaPath: "#/properties/dvdDrives/items/properties/controllerNumber/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
                    if (data34.controllerLocation !== undefined) {
                        let data37 = data34.controllerLocation;
                        if (!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))) {
                            const err78 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/controllerLocation", schemaPath: "#/properties/dvdDrives/items/properties/controllerLocation/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err78];
                            }
                            else {
                                vErrors.push(err78);
                            }
                            errors++;
                        }
                        if (typeof data37 == "number") {
                            if (data37 < 0 || isNaN(data37)) {
                                const err79 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/controllerLocation", schemaPath: "#/properties/dvdDrives/items/properties/controllerLocation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
                    if (data34.path !== undefined) {
                        let data38 = data34.path;
                        if ((typeof data38 !== "string") && (data38 !== null)) {
                            const err80 = { instancePath: instancePath + "/dvdDrives/" + i3 + "/path", schemaPath: "#/properties/dvdDrives/items/properties/path/type", keyword: "type", params: { type: schema7.properties.dvdDrives.items.properties.path.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err80];
                            }
                            else {
                                vErrors.push(err80);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err81 = { instancePath: instancePath + "/dvdDrives/" + i3, schemaPath: "#/properties/dvdDrives/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
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
            const err82 = { instancePath: instancePath + "/dvdDrives", schemaPath: "#/properties/dvdDrives/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err82];
            }
            else {
                vErrors.push(err82);
            }
            errors++;
        }
    }
    if (data.tpm !== undefined) {
        let data39 = data.tpm;
        if ((typeof data39 !== "boolean") && (data39 !== null)) {
            const err83 = { instancePath: instancePath + "/tpm", schemaPath: "#/properties/tpm/type", keyword: "type", params: { type: schema7.properties.tpm.type }, message: "must be boolean,null" };
            if (vErrors === null) {
                vErrors = [err83];
            }
            else {
                vErrors.push(err83);
            }
            errors++;
        }
    }
    if (data.secureBootTemplate !== undefined) {
        let data40 = data.secureBootTemplate;
        if ((typeof data40 !== "string") && (data40 !== null)) {
            const err84 = { instancePath: instancePath + "/secureBootTemplate", schemaPath: "#/properties/secureBootTemplate/type", keyword: "type", params: { type: schema7.properties.secureBootTemplate.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err84];
            }
            else {
                vErrors.push(err84);
            }
            errors++;
        }
    }
    if (data.nestedVirtualization !== undefined) {
        if (typeof data.nestedVirtualization !== "boolean") {
            const err85 = { instancePath: instancePath + "/nestedVirtualization", schemaPath: "#/properties/nestedVirtualization/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err85];
            }
            else {
                vErrors.push(err85);
            }
            errors++;
        }
    }
    if (data.checkpointType !== undefined) {
        if (typeof data.checkpointType !== "string") {
            const err86 = { instancePath: instancePath + "/checkpointType", schemaPath: "#/properties/checkpointType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err86];
            }
            else {
                vErrors.push(err86);
            }
            errors++;
        }
    }
    if (data.automaticStartAction !== undefined) {
        if (typeof data.automaticStartAction !== "string") {
            const err87 = { instancePath: instancePath + "/automaticStartAction", schemaPath: "#/properties/automaticStartAction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err87];
            }
            else {
                vErrors.push(err87);
            }
            errors++;
        }
    }
    if (data.automaticStartDelaySec !== undefined) {
        let data44 = data.automaticStartDelaySec;
        if (!((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44)))) {
            const err88 = { instancePath: instancePath + "/automaticStartDelaySec", schemaPath: "#/properties/automaticStartDelaySec/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err88];
            }
            else {
                vErrors.push(err88);
            }
            errors++;
        }
        if (typeof data44 == "number") {
            if (data44 < 0 || isNaN(data44)) {
                const err89 = { instancePath: instancePath + "/automaticStartDelaySec", schemaPath: "#/properties/automaticStartDelaySec/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err89];
                }
                else {
                    vErrors.push(err89);
                }
                errors++;
            }
        }
    }
    if (data.automaticStopAction !== undefined) {
        if (typeof data.automaticStopAction !== "string") {
            const err90 = { instancePath: instancePath + "/automaticStopAction", schemaPath: "#/properties/automaticStopAction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err90];
            }
            else {
                vErrors.push(err90);
            }
            errors++;
        }
    }
    if (data.compatibilityForMigration !== undefined) {
        if (typeof data.compatibilityForMigration !== "boolean") {
            const err91 = { instancePath: instancePath + "/compatibilityForMigration", schemaPath: "#/properties/compatibilityForMigration/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err91];
            }
            else {
                vErrors.push(err91);
            }
            errors++;
        }
    }
    if (data.memoryWeight !== undefined) {
        let data47 = data.memoryWeight;
        if (!((typeof data47 == "number") && (!(data47 % 1) && !isNaN(data47)))) {
            const err92 = { instancePath: instancePath + "/memoryWeight", schemaPath: "#/properties/memoryWeight/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err92];
            }
            else {
                vErrors.push(err92);
            }
            errors++;
        }
        if (typeof data47 == "number") {
            if (data47 < 0 || isNaN(data47)) {
                const err93 = { instancePath: instancePath + "/memoryWeight", schemaPath: "#/properties/memoryWeight/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err93];
                }
                else {
                    vErrors.push(err93);
                }
                errors++;
            }
        }
    }
    if (data.memoryBuffer !== undefined) {
        let data48 = data.memoryBuffer;
        if (!((typeof data48 == "number") && (!(data48 % 1) && !isNaN(data48)))) {
            const err94 = { instancePath: instancePath + "/memoryBuffer", schemaPath: "#/properties/memoryBuffer/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err94];
            }
            else {
                vErrors.push(err94);
            }
            errors++;
        }
        if (typeof data48 == "number") {
            if (data48 < 0 || isNaN(data48)) {
                const err95 = { instancePath: instancePath + "/memoryBuffer", schemaPath: "#/properties/memoryBuffer/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err95];
                }
                else {
                    vErrors.push(err95);
                }
                errors++;
            }
        }
    }
    if (data.firstBootDevice !== undefined) {
        if (typeof data.firstBootDevice !== "string") {
            const err96 = { instancePath: instancePath + "/firstBootDevice", schemaPath: "#/properties/firstBootDevice/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err96];
            }
            else {
                vErrors.push(err96);
            }
            errors++;
        }
    }
    if (data.checkpoints !== undefined) {
        let data50 = data.checkpoints;
        if (Array.isArray(data50)) {
            const len4 = data50.length;
            for (let i4 = 0; i4 < len4; i4++) {
                let data51 = data50[i4];
                if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
                    if (data51.id === undefined) {
                        const err97 = { instancePath: instancePath + "/checkpoints/" + i4, schemaPath: "#/properties/checkpoints/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                        if (vErrors === null) {
                            vErrors = [err97];
                        }
                        else {
                            vErrors.push(err97);
                        }
                        errors++;
                    }
                    if (data51.name === undefined) {
                        const err98 = { instancePath: instancePath + "/checkpoints/" + i4, schemaPath: "#/properties/checkpoints/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                        if (vErrors === null) {
                            vErrors = [err98];
                        }
                        else {
                            vErrors.push(err98);
                        }
                        errors++;
                    }
                    for (const key5 in data51) {
                        if (!((key5 === "id") || (key5 === "name"))) {
                            const err99 = { instancePath: instancePath + "/checkpoints/" + i4, schemaPath: "#/properties/checkpoints/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err99];
                            }
                            else {
                                vErrors.push(err99);
                            }
                            errors++;
                        }
                    }
                    if (data51.id !== undefined) {
                        if (typeof data51.id !== "string") {
                            const err100 = { instancePath: instancePath + "/checkpoints/" + i4 + "/id", schemaPath: "#/properties/checkpoints/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err100];
                            }
                            else {
                                vErrors.push(err100);
                            }
                            errors++;
                        }
                    }
                    if (data51.name !== undefined) {
                        if (typeof data51.name !== "string") {
                            const err101 = { instancePath: instancePath + "/checkpoints/" + i4 + "/name", schemaPath: "#/properties/checkpoints/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
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
                    const err102 = { instancePath: instancePath + "/checkpoints/" + i4, schemaPath: "#/properties/checkpoints/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err102];
                    }
                    else {
                        vErrors.push(err102);
                    }
                    errors++;
                }
            }
        }
        else {
            const err103 = { instancePath: instancePath + "/checkpoints", schemaPath: "#/properties/checkpoints/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err103];
            }
            else {
                vErrors.push(err103);
            }
            errors++;
        }
    }
    if (data.integrationServices !== undefined) {
        let data54 = data.integrationServices;
        if (Array.isArray(data54)) {
            const len5 = data54.length;
            for (let i5 = 0; i5 < len5; i5++) {
                let data55 = data54[i5];
                if (data55 && typeof data55 == "object" && !Array.isArray(data55)) {
                    if (data55.id === undefined) {
                        const err104 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                        if (vErrors === null) {
                            vErrors = [err104];
                        }
                        else {
                            vErrors.push(err104);
                        }
                        errors++;
                    }
                    if (data55.name === undefined) {
                        const err105 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                        if (vErrors === null) {
                            vErrors = [err105];
                        }
                        else {
                            vErrors.push(err105);
                        }
                        errors++;
                    }
                    if (data55.enabled === undefined) {
                        const err106 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "enabled" }, message: "must have required property '" + "enabled" + "'" };
                        if (vErrors === null) {
                            vErrors = [err106];
                        }
                        else {
                            vErrors.push(err106);
                        }
                        errors++;
                    }
                    if (data55.status === undefined) {
                        const err107 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
                        if (vErrors === null) {
                            vErrors = [err107];
                        }
                        else {
                            vErrors.push(err107);
                        }
                        errors++;
                    }
                    for (const key6 in data55) {
                        if (!((((key6 === "id") || (key6 === "name")) || (key6 === "enabled")) || (key6 === "status"))) {
                            const err108 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err108];
                            }
                            else {
                                vErrors.push(err108);
                            }
                            errors++;
                        }
                    }
                    if (data55.id !== undefined) {
                        if (typeof data55.id !== "string") {
                            const err109 = { instancePath: instancePath + "/integrationServices/" + i5 + "/id", schemaPath: "#/properties/integrationServices/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err109];
                            }
                            else {
                                vErrors.push(err109);
                            }
                            errors++;
                        }
                    }
                    if (data55.name !== undefined) {
                        if (typeof data55.name !== "string") {
                            const err110 = { instancePath: instancePath + "/integrationServices/" + i5 + "/name", schemaPath: "#/properties/integrationServices/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err110];
                            }
                            else {
                                vErrors.push(err110);
                            }
                            errors++;
                        }
                    }
                    if (data55.enabled !== undefined) {
                        if (typeof data55.enabled !== "boolean") {
                            const err111 = { instancePath: instancePath + "/integrationServices/" + i5 + "/enabled", schemaPath: "#/properties/integrationServices/items/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err111];
                            }
                            else {
                                vErrors.push(err111);
                            }
                            errors++;
                        }
                    }
                    if (data55.status !== undefined) {
                        if (typeof data55.status !== "string") {
                            const err112 = { instancePath: instancePath + "/integrationServices/" + i5 + "/status", schemaPath: "#/properties/integrationServices/items/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err112];
                            }
                            else {
                                vErrors.push(err112);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err113 = { instancePath: instancePath + "/integrationServices/" + i5, schemaPath: "#/properties/integrationServices/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err113];
                    }
                    else {
                        vErrors.push(err113);
                    }
                    errors++;
                }
            }
        }
        else {
            const err114 = { instancePath: instancePath + "/integrationServices", schemaPath: "#/properties/integrationServices/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err114];
            }
            else {
                vErrors.push(err114);
            }
            errors++;
        }
    }
}
else {
    const err115 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err115];
    }
    else {
        vErrors.push(err115);
    }
    errors++;
} validate22.errors = vErrors; return errors === 0; }
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/current.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
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
        if (!((((((((key0 === "schemaVersion") || (key0 === "backend")) || (key0 === "host")) || (key0 === "complete")) || (key0 === "incomplete")) || (key0 === "observedAt")) || (key0 === "guests")) || (key0 === "vms"))) {
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
            const err8 = { instancePath: instancePath + "/backend", schemaPath: "#/properties/backend/enum", keyword: "enum", params: { allowedValues: schema6.properties.backend.enum }, message: "must be equal to one of the allowed values" };
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
                                    const err21 = { instancePath: instancePath + "/host/switches/" + i0 + "/nat", schemaPath: "#/properties/host/properties/switches/items/properties/nat/type", keyword: "type", params: { type: schema6.properties.host.properties.switches.items.properties.nat.type }, message: "must be string,null" };
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
                                    const err29 = { instancePath: instancePath + "/host/paths/" + i1 + "/sizeBytes", schemaPath: "#/properties/host/properties/paths/items/properties/sizeBytes/type", keyword: "type", params: { type: schema6.properties.host.properties.paths.items.properties.sizeBytes.type }, message: "must be integer,null" };
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
                                    const err31 = { instancePath: instancePath + "/host/paths/" + i1 + "/sha256", schemaPath: "#/properties/host/properties/paths/items/properties/sha256/type", keyword: "type", params: { type: schema6.properties.host.properties.paths.items.properties.sha256.type }, message: "must be string,null" };
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
                            const err49 = { instancePath: instancePath + "/incomplete/" + i3 + "/code", schemaPath: "#/properties/incomplete/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema6.properties.incomplete.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
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
    if (data.observedAt !== undefined) {
        if (typeof data.observedAt !== "string") {
            const err54 = { instancePath: instancePath + "/observedAt", schemaPath: "#/properties/observedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err54];
            }
            else {
                vErrors.push(err54);
            }
            errors++;
        }
    }
    if (data.guests !== undefined) {
        let data28 = data.guests;
        if (!(data28 && typeof data28 == "object" && !Array.isArray(data28))) {
            const err55 = { instancePath: instancePath + "/guests", schemaPath: "#/properties/guests/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err55];
            }
            else {
                vErrors.push(err55);
            }
            errors++;
        }
    }
    if (data.vms !== undefined) {
        let data29 = data.vms;
        if (Array.isArray(data29)) {
            const len4 = data29.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (!(validate22(data29[i4], { instancePath: instancePath + "/vms/" + i4, parentData: data29, parentDataProperty: i4, rootData }))) {
                    vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err56 = { instancePath: instancePath + "/vms", schemaPath: "#/properties/vms/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err56];
            }
            else {
                vErrors.push(err56);
            }
            errors++;
        }
    }
}
else {
    const err57 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err57];
    }
    else {
        vErrors.push(err57);
    }
    errors++;
} validate21.errors = vErrors; return errors === 0; }
const validatePlan_fn = validate24;
const schema8 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/plan.schema.json", "title": "hyperv-converge plan.json: ordered steps, refusals and hashes", "definitions": { "step": { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false } }, "type": "object", "properties": { "schemaVersion": { "const": 1 }, "project": { "type": "string" }, "backend": { "type": "string" }, "actionable": { "type": "boolean" }, "steps": { "type": "array", "items": { "$ref": "#/definitions/step" } }, "refusals": { "type": "array", "items": { "type": "object", "properties": { "vm": { "type": "string" }, "kind": { "enum": ["blocked", "refused"] }, "code": { "enum": ["observation-incomplete", "unmanaged", "owned-by-other", "needs-restart", "generation-change", "transitional-state", "saved-or-paused", "protected", "max-disruptive", "destroy-not-owned", "disk-shrink", "disk-below-image", "missing-image", "missing-switch", "missing-file", "disk-conflict", "seed-unavailable", "switch-in-use", "switch-type", "unknown-integration-service"] }, "message": { "type": "string" }, "steps": { "type": "array", "items": { "$ref": "#/definitions/step" } } }, "required": ["vm", "kind", "code", "message", "steps"], "additionalProperties": false } }, "counts": { "type": "object", "properties": { "create": { "type": "integer", "minimum": 0 }, "change": { "type": "integer", "minimum": 0 }, "destroy": { "type": "integer", "minimum": 0 }, "refused": { "type": "integer", "minimum": 0 }, "unchanged": { "type": "integer", "minimum": 0 } }, "required": ["create", "change", "destroy", "refused", "unchanged"], "additionalProperties": false }, "unchanged": { "type": "array", "items": { "type": "string" } }, "configHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "basisHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "observedHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "targets": { "type": "array", "items": { "type": "string" } }, "planHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "generatedAt": { "type": "string" } }, "required": ["schemaVersion", "project", "backend", "actionable", "steps", "refusals", "counts", "unchanged", "configHash", "basisHash", "observedHash", "planHash"], "additionalProperties": false };
const schema9 = { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.vm === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.vmId === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vmId" }, message: "must have required property '" + "vmId" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.action === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.from === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property '" + "from" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.to === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property '" + "to" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.reason === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property '" + "reason" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.disruption === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "disruption" }, message: "must have required property '" + "disruption" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.group === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property '" + "group" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.operation === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property '" + "operation" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema9.properties, key0))) {
            const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.id !== undefined) {
        if (typeof data.id !== "string") {
            const err11 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.vm !== undefined) {
        if (typeof data.vm !== "string") {
            const err12 = { instancePath: instancePath + "/vm", schemaPath: "#/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
    if (data.vmId !== undefined) {
        let data2 = data.vmId;
        if ((typeof data2 !== "string") && (data2 !== null)) {
            const err13 = { instancePath: instancePath + "/vmId", schemaPath: "#/properties/vmId/type", keyword: "type", params: { type: schema9.properties.vmId.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.action !== undefined) {
        let data3 = data.action;
        if (!(((((((((((((((((((((((((data3 === "create") || (data3 === "start")) || (data3 === "stop")) || (data3 === "set-cpus")) || (data3 === "set-memory")) || (data3 === "set-secure-boot")) || (data3 === "connect-switch")) || (data3 === "set-mac")) || (data3 === "set-notes")) || (data3 === "grow-disk")) || (data3 === "checkpoint")) || (data3 === "remove")) || (data3 === "add-adapter")) || (data3 === "remove-adapter")) || (data3 === "set-adapter")) || (data3 === "add-disk")) || (data3 === "detach-disk")) || (data3 === "add-dvd")) || (data3 === "set-dvd")) || (data3 === "write-seed")) || (data3 === "set-settings")) || (data3 === "set-integration-services")) || (data3 === "create-switch")) || (data3 === "set-switch-nat")) || (data3 === "remove-switch"))) {
            const err14 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema9.properties.action.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.reason !== undefined) {
        if (typeof data.reason !== "string") {
            const err15 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.disruption !== undefined) {
        let data5 = data.disruption;
        if (!(((data5 === "benign") || (data5 === "disruptive")) || (data5 === "destructive"))) {
            const err16 = { instancePath: instancePath + "/disruption", schemaPath: "#/properties/disruption/enum", keyword: "enum", params: { allowedValues: schema9.properties.disruption.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.group !== undefined) {
        if (typeof data.group !== "string") {
            const err17 = { instancePath: instancePath + "/group", schemaPath: "#/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.operation !== undefined) {
        let data7 = data.operation;
        if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.op === undefined) {
                const err18 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property '" + "op" + "'" };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
            if (data7.args === undefined) {
                const err19 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/required", keyword: "required", params: { missingProperty: "args" }, message: "must have required property '" + "args" + "'" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
            for (const key1 in data7) {
                if (!((key1 === "op") || (key1 === "args"))) {
                    const err20 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err20];
                    }
                    else {
                        vErrors.push(err20);
                    }
                    errors++;
                }
            }
            if (data7.op !== undefined) {
                if (typeof data7.op !== "string") {
                    const err21 = { instancePath: instancePath + "/operation/op", schemaPath: "#/properties/operation/properties/op/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err21];
                    }
                    else {
                        vErrors.push(err21);
                    }
                    errors++;
                }
            }
            if (data7.args !== undefined) {
                let data9 = data7.args;
                if (!(data9 && typeof data9 == "object" && !Array.isArray(data9))) {
                    const err22 = { instancePath: instancePath + "/operation/args", schemaPath: "#/properties/operation/properties/args/type", keyword: "type", params: { type: "object" }, message: "must be object" };
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
            const err23 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
}
else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err24];
    }
    else {
        vErrors.push(err24);
    }
    errors++;
} validate25.errors = vErrors; return errors === 0; }
const pattern2 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/plan.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
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
        if (!(func2.call(schema8.properties, key0))) {
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
                if (!(validate25(data4[i0], { instancePath: instancePath + "/steps/" + i0, parentData: data4, parentDataProperty: i0, rootData }))) {
                    vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err17 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.refusals !== undefined) {
        let data6 = data.refusals;
        if (Array.isArray(data6)) {
            const len1 = data6.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data7 = data6[i1];
                if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                    if (data7.vm === undefined) {
                        const err18 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err18];
                        }
                        else {
                            vErrors.push(err18);
                        }
                        errors++;
                    }
                    if (data7.kind === undefined) {
                        const err19 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
                        if (vErrors === null) {
                            vErrors = [err19];
                        }
                        else {
                            vErrors.push(err19);
                        }
                        errors++;
                    }
                    if (data7.code === undefined) {
                        const err20 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property '" + "code" + "'" };
                        if (vErrors === null) {
                            vErrors = [err20];
                        }
                        else {
                            vErrors.push(err20);
                        }
                        errors++;
                    }
                    if (data7.message === undefined) {
                        const err21 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                    if (data7.steps === undefined) {
                        const err22 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property '" + "steps" + "'" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                    for (const key1 in data7) {
                        if (!(((((key1 === "vm") || (key1 === "kind")) || (key1 === "code")) || (key1 === "message")) || (key1 === "steps"))) {
                            const err23 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                    }
                    if (data7.vm !== undefined) {
                        if (typeof data7.vm !== "string") {
                            const err24 = { instancePath: instancePath + "/refusals/" + i1 + "/vm", schemaPath: "#/properties/refusals/items/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err24];
                            }
                            else {
                                vErrors.push(err24);
                            }
                            errors++;
                        }
                    }
                    if (data7.kind !== undefined) {
                        let data9 = data7.kind;
                        if (!((data9 === "blocked") || (data9 === "refused"))) {
                            const err25 = { instancePath: instancePath + "/refusals/" + i1 + "/kind", schemaPath: "#/properties/refusals/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema8.properties.refusals.items.properties.kind.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err25];
                            }
                            else {
                                vErrors.push(err25);
                            }
                            errors++;
                        }
                    }
                    if (data7.code !== undefined) {
                        let data10 = data7.code;
                        if (!((((((((((((((((((((data10 === "observation-incomplete") || (data10 === "unmanaged")) || (data10 === "owned-by-other")) || (data10 === "needs-restart")) || (data10 === "generation-change")) || (data10 === "transitional-state")) || (data10 === "saved-or-paused")) || (data10 === "protected")) || (data10 === "max-disruptive")) || (data10 === "destroy-not-owned")) || (data10 === "disk-shrink")) || (data10 === "disk-below-image")) || (data10 === "missing-image")) || (data10 === "missing-switch")) || (data10 === "missing-file")) || (data10 === "disk-conflict")) || (data10 === "seed-unavailable")) || (data10 === "switch-in-use")) || (data10 === "switch-type")) || (data10 === "unknown-integration-service"))) {
                            const err26 = { instancePath: instancePath + "/refusals/" + i1 + "/code", schemaPath: "#/properties/refusals/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema8.properties.refusals.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                    if (data7.message !== undefined) {
                        if (typeof data7.message !== "string") {
                            const err27 = { instancePath: instancePath + "/refusals/" + i1 + "/message", schemaPath: "#/properties/refusals/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err27];
                            }
                            else {
                                vErrors.push(err27);
                            }
                            errors++;
                        }
                    }
                    if (data7.steps !== undefined) {
                        let data12 = data7.steps;
                        if (Array.isArray(data12)) {
                            const len2 = data12.length;
                            for (let i2 = 0; i2 < len2; i2++) {
                                if (!(validate25(data12[i2], { instancePath: instancePath + "/refusals/" + i1 + "/steps/" + i2, parentData: data12, parentDataProperty: i2, rootData }))) {
                                    vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                    errors = vErrors.length;
                                }
                            }
                        }
                        else {
                            const err28 = { instancePath: instancePath + "/refusals/" + i1 + "/steps", schemaPath: "#/properties/refusals/items/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err28];
                            }
                            else {
                                vErrors.push(err28);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err29 = { instancePath: instancePath + "/refusals/" + i1, schemaPath: "#/properties/refusals/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err29];
                    }
                    else {
                        vErrors.push(err29);
                    }
                    errors++;
                }
            }
        }
        else {
            const err30 = { instancePath: instancePath + "/refusals", schemaPath: "#/properties/refusals/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
    if (data.counts !== undefined) {
        let data14 = data.counts;
        if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            if (data14.create === undefined) {
                const err31 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "create" }, message: "must have required property '" + "create" + "'" };
                if (vErrors === null) {
                    vErrors = [err31];
                }
                else {
                    vErrors.push(err31);
                }
                errors++;
            }
            if (data14.change === undefined) {
                const err32 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "change" }, message: "must have required property '" + "change" + "'" };
                if (vErrors === null) {
                    vErrors = [err32];
                }
                else {
                    vErrors.push(err32);
                }
                errors++;
            }
            if (data14.destroy === undefined) {
                const err33 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "destroy" }, message: "must have required property '" + "destroy" + "'" };
                if (vErrors === null) {
                    vErrors = [err33];
                }
                else {
                    vErrors.push(err33);
                }
                errors++;
            }
            if (data14.refused === undefined) {
                const err34 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "refused" }, message: "must have required property '" + "refused" + "'" };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
            if (data14.unchanged === undefined) {
                const err35 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: "unchanged" }, message: "must have required property '" + "unchanged" + "'" };
                if (vErrors === null) {
                    vErrors = [err35];
                }
                else {
                    vErrors.push(err35);
                }
                errors++;
            }
            for (const key2 in data14) {
                if (!(((((key2 === "create") || (key2 === "change")) || (key2 === "destroy")) || (key2 === "refused")) || (key2 === "unchanged"))) {
                    const err36 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err36];
                    }
                    else {
                        vErrors.push(err36);
                    }
                    errors++;
                }
            }
            if (data14.create !== undefined) {
                let data15 = data14.create;
                if (!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))) {
                    const err37 = { instancePath: instancePath + "/counts/create", schemaPath: "#/properties/counts/properties/create/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err37];
                    }
                    else {
                        vErrors.push(err37);
                    }
                    errors++;
                }
                if (typeof data15 == "number") {
                    if (data15 < 0 || isNaN(data15)) {
                        const err38 = { instancePath: instancePath + "/counts/create", schemaPath: "#/properties/counts/properties/create/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
            if (data14.change !== undefined) {
                let data16 = data14.change;
                if (!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))) {
                    const err39 = { instancePath: instancePath + "/counts/change", schemaPath: "#/properties/counts/properties/change/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err39];
                    }
                    else {
                        vErrors.push(err39);
                    }
                    errors++;
                }
                if (typeof data16 == "number") {
                    if (data16 < 0 || isNaN(data16)) {
                        const err40 = { instancePath: instancePath + "/counts/change", schemaPath: "#/properties/counts/properties/change/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
            if (data14.destroy !== undefined) {
                let data17 = data14.destroy;
                if (!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))) {
                    const err41 = { instancePath: instancePath + "/counts/destroy", schemaPath: "#/properties/counts/properties/destroy/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err41];
                    }
                    else {
                        vErrors.push(err41);
                    }
                    errors++;
                }
                if (typeof data17 == "number") {
                    if (data17 < 0 || isNaN(data17)) {
                        const err42 = { instancePath: instancePath + "/counts/destroy", schemaPath: "#/properties/counts/properties/destroy/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
            if (data14.refused !== undefined) {
                let data18 = data14.refused;
                if (!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))) {
                    const err43 = { instancePath: instancePath + "/counts/refused", schemaPath: "#/properties/counts/properties/refused/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err43];
                    }
                    else {
                        vErrors.push(err43);
                    }
                    errors++;
                }
                if (typeof data18 == "number") {
                    if (data18 < 0 || isNaN(data18)) {
                        const err44 = { instancePath: instancePath + "/counts/refused", schemaPath: "#/properties/counts/properties/refused/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
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
            if (data14.unchanged !== undefined) {
                let data19 = data14.unchanged;
                if (!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))) {
                    const err45 = { instancePath: instancePath + "/counts/unchanged", schemaPath: "#/properties/counts/properties/unchanged/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err45];
                    }
                    else {
                        vErrors.push(err45);
                    }
                    errors++;
                }
                if (typeof data19 == "number") {
                    if (data19 < 0 || isNaN(data19)) {
                        const err46 = { instancePath: instancePath + "/counts/unchanged", schemaPath: "#/properties/counts/properties/unchanged/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err46];
                        }
                        else {
                            vErrors.push(err46);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err47 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err47];
            }
            else {
                vErrors.push(err47);
            }
            errors++;
        }
    }
    if (data.unchanged !== undefined) {
        let data20 = data.unchanged;
        if (Array.isArray(data20)) {
            const len3 = data20.length;
            for (let i3 = 0; i3 < len3; i3++) {
                if (typeof data20[i3] !== "string") {
                    const err48 = { instancePath: instancePath + "/unchanged/" + i3, schemaPath: "#/properties/unchanged/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err48];
                    }
                    else {
                        vErrors.push(err48);
                    }
                    errors++;
                }
            }
        }
        else {
            const err49 = { instancePath: instancePath + "/unchanged", schemaPath: "#/properties/unchanged/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err49];
            }
            else {
                vErrors.push(err49);
            }
            errors++;
        }
    }
    if (data.configHash !== undefined) {
        let data22 = data.configHash;
        if (typeof data22 === "string") {
            if (!pattern2.test(data22)) {
                const err50 = { instancePath: instancePath + "/configHash", schemaPath: "#/properties/configHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err50];
                }
                else {
                    vErrors.push(err50);
                }
                errors++;
            }
        }
        else {
            const err51 = { instancePath: instancePath + "/configHash", schemaPath: "#/properties/configHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err51];
            }
            else {
                vErrors.push(err51);
            }
            errors++;
        }
    }
    if (data.basisHash !== undefined) {
        let data23 = data.basisHash;
        if (typeof data23 === "string") {
            if (!pattern2.test(data23)) {
                const err52 = { instancePath: instancePath + "/basisHash", schemaPath: "#/properties/basisHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err52];
                }
                else {
                    vErrors.push(err52);
                }
                errors++;
            }
        }
        else {
            const err53 = { instancePath: instancePath + "/basisHash", schemaPath: "#/properties/basisHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err53];
            }
            else {
                vErrors.push(err53);
            }
            errors++;
        }
    }
    if (data.observedHash !== undefined) {
        let data24 = data.observedHash;
        if (typeof data24 === "string") {
            if (!pattern2.test(data24)) {
                const err54 = { instancePath: instancePath + "/observedHash", schemaPath: "#/properties/observedHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err54];
                }
                else {
                    vErrors.push(err54);
                }
                errors++;
            }
        }
        else {
            const err55 = { instancePath: instancePath + "/observedHash", schemaPath: "#/properties/observedHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err55];
            }
            else {
                vErrors.push(err55);
            }
            errors++;
        }
    }
    if (data.targets !== undefined) {
        let data25 = data.targets;
        if (Array.isArray(data25)) {
            const len4 = data25.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (typeof data25[i4] !== "string") {
                    const err56 = { instancePath: instancePath + "/targets/" + i4, schemaPath: "#/properties/targets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err56];
                    }
                    else {
                        vErrors.push(err56);
                    }
                    errors++;
                }
            }
        }
        else {
            const err57 = { instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err57];
            }
            else {
                vErrors.push(err57);
            }
            errors++;
        }
    }
    if (data.planHash !== undefined) {
        let data27 = data.planHash;
        if (typeof data27 === "string") {
            if (!pattern2.test(data27)) {
                const err58 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: "must match pattern \"" + "^sha256:[0-9a-f]{64}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err58];
                }
                else {
                    vErrors.push(err58);
                }
                errors++;
            }
        }
        else {
            const err59 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err59];
            }
            else {
                vErrors.push(err59);
            }
            errors++;
        }
    }
    if (data.generatedAt !== undefined) {
        if (typeof data.generatedAt !== "string") {
            const err60 = { instancePath: instancePath + "/generatedAt", schemaPath: "#/properties/generatedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err60];
            }
            else {
                vErrors.push(err60);
            }
            errors++;
        }
    }
}
else {
    const err61 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err61];
    }
    else {
        vErrors.push(err61);
    }
    errors++;
} validate24.errors = vErrors; return errors === 0; }
const validateResult_fn = validate28;
const schema10 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/hyperv-converge/hyperv-converge/schemas/result.schema.json", "title": "hyperv-converge result.json: what a run did and whether the host converged", "definitions": { "step": { "type": "object", "properties": { "id": { "type": "string" }, "vm": { "type": "string" }, "vmId": { "type": ["string", "null"] }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "from": {}, "to": {}, "reason": { "type": "string" }, "disruption": { "enum": ["benign", "disruptive", "destructive"] }, "group": { "type": "string" }, "operation": { "type": "object", "properties": { "op": { "type": "string" }, "args": { "type": "object" } }, "required": ["op", "args"], "additionalProperties": false } }, "required": ["id", "vm", "vmId", "action", "from", "to", "reason", "disruption", "group", "operation"], "additionalProperties": false }, "observation": { "type": "object", "description": "as current.json" } }, "type": "object", "properties": { "schemaVersion": { "const": 1 }, "mode": { "enum": ["validate", "plan", "apply", "drift", "reconcile"] }, "status": { "enum": ["no-changes", "changes", "applied", "failed", "refused", "cancelled"] }, "failureReason": { "anyOf": [{ "enum": ["invalid-config", "usage", "backend-error", "observation-incomplete", "safety-refused", "not-approved", "plan-changed", "fork-refused", "locked", "apply-failed", "not-converged", "agents-running", "cancelled", "output-failed", "internal"] }, { "type": "null" }] }, "message": { "type": "string" }, "planHash": { "anyOf": [{ "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, { "type": "null" }] }, "steps": { "type": "array", "items": { "type": "object", "properties": { "stepId": { "type": "string" }, "vm": { "type": "string" }, "action": { "enum": ["create", "start", "stop", "set-cpus", "set-memory", "set-secure-boot", "connect-switch", "set-mac", "set-notes", "grow-disk", "checkpoint", "remove", "add-adapter", "remove-adapter", "set-adapter", "add-disk", "detach-disk", "add-dvd", "set-dvd", "write-seed", "set-settings", "set-integration-services", "create-switch", "set-switch-nat", "remove-switch"] }, "outcome": { "enum": ["succeeded", "failed", "timed-out", "skipped", "interrupted"] }, "startedMs": { "type": "integer", "minimum": 0 }, "durationMs": { "type": "integer", "minimum": 0 }, "error": { "anyOf": [{ "type": "null" }, { "type": "object", "properties": { "code": { "type": "string" }, "message": { "type": "string" } }, "required": ["code", "message"], "additionalProperties": false }] } }, "required": ["stepId", "vm", "action", "outcome", "startedMs", "durationMs", "error"], "additionalProperties": false } }, "postObservation": { "anyOf": [{ "$ref": "#/definitions/observation" }, { "type": "null" }] }, "converged": { "type": ["boolean", "null"] }, "remaining": { "type": "array", "items": { "$ref": "#/definitions/step" } }, "extra": { "type": "object" }, "startedAt": { "type": "string" }, "finishedAt": { "type": "string" } }, "required": ["schemaVersion", "mode", "status", "failureReason", "message", "planHash", "steps", "postObservation", "converged", "remaining", "extra"], "additionalProperties": false };
const schema11 = { "type": "object", "description": "as current.json" };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (!(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate29.errors = vErrors; return errors === 0; }
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.vm === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vm" }, message: "must have required property '" + "vm" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.vmId === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vmId" }, message: "must have required property '" + "vmId" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.action === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.from === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property '" + "from" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.to === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property '" + "to" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.reason === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property '" + "reason" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.disruption === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "disruption" }, message: "must have required property '" + "disruption" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.group === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property '" + "group" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.operation === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property '" + "operation" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema9.properties, key0))) {
            const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.id !== undefined) {
        if (typeof data.id !== "string") {
            const err11 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.vm !== undefined) {
        if (typeof data.vm !== "string") {
            const err12 = { instancePath: instancePath + "/vm", schemaPath: "#/properties/vm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
    if (data.vmId !== undefined) {
        let data2 = data.vmId;
        if ((typeof data2 !== "string") && (data2 !== null)) {
            const err13 = { instancePath: instancePath + "/vmId", schemaPath: "#/properties/vmId/type", keyword: "type", params: { type: schema9.properties.vmId.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.action !== undefined) {
        let data3 = data.action;
        if (!(((((((((((((((((((((((((data3 === "create") || (data3 === "start")) || (data3 === "stop")) || (data3 === "set-cpus")) || (data3 === "set-memory")) || (data3 === "set-secure-boot")) || (data3 === "connect-switch")) || (data3 === "set-mac")) || (data3 === "set-notes")) || (data3 === "grow-disk")) || (data3 === "checkpoint")) || (data3 === "remove")) || (data3 === "add-adapter")) || (data3 === "remove-adapter")) || (data3 === "set-adapter")) || (data3 === "add-disk")) || (data3 === "detach-disk")) || (data3 === "add-dvd")) || (data3 === "set-dvd")) || (data3 === "write-seed")) || (data3 === "set-settings")) || (data3 === "set-integration-services")) || (data3 === "create-switch")) || (data3 === "set-switch-nat")) || (data3 === "remove-switch"))) {
            const err14 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema9.properties.action.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.reason !== undefined) {
        if (typeof data.reason !== "string") {
            const err15 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.disruption !== undefined) {
        let data5 = data.disruption;
        if (!(((data5 === "benign") || (data5 === "disruptive")) || (data5 === "destructive"))) {
            const err16 = { instancePath: instancePath + "/disruption", schemaPath: "#/properties/disruption/enum", keyword: "enum", params: { allowedValues: schema9.properties.disruption.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.group !== undefined) {
        if (typeof data.group !== "string") {
            const err17 = { instancePath: instancePath + "/group", schemaPath: "#/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.operation !== undefined) {
        let data7 = data.operation;
        if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.op === undefined) {
                const err18 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property '" + "op" + "'" };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
            if (data7.args === undefined) {
                const err19 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/required", keyword: "required", params: { missingProperty: "args" }, message: "must have required property '" + "args" + "'" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
            for (const key1 in data7) {
                if (!((key1 === "op") || (key1 === "args"))) {
                    const err20 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err20];
                    }
                    else {
                        vErrors.push(err20);
                    }
                    errors++;
                }
            }
            if (data7.op !== undefined) {
                if (typeof data7.op !== "string") {
                    const err21 = { instancePath: instancePath + "/operation/op", schemaPath: "#/properties/operation/properties/op/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err21];
                    }
                    else {
                        vErrors.push(err21);
                    }
                    errors++;
                }
            }
            if (data7.args !== undefined) {
                let data9 = data7.args;
                if (!(data9 && typeof data9 == "object" && !Array.isArray(data9))) {
                    const err22 = { instancePath: instancePath + "/operation/args", schemaPath: "#/properties/operation/properties/args/type", keyword: "type", params: { type: "object" }, message: "must be object" };
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
            const err23 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
}
else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err24];
    }
    else {
        vErrors.push(err24);
    }
    errors++;
} validate31.errors = vErrors; return errors === 0; }
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/hyperv-converge/hyperv-converge/schemas/result.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
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
        if (!(func2.call(schema10.properties, key0))) {
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
            const err13 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema10.properties.mode.enum }, message: "must be equal to one of the allowed values" };
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
            const err14 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema10.properties.status.enum }, message: "must be equal to one of the allowed values" };
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
            const err15 = { instancePath: instancePath + "/failureReason", schemaPath: "#/properties/failureReason/anyOf/0/enum", keyword: "enum", params: { allowedValues: schema10.properties.failureReason.anyOf[0].enum }, message: "must be equal to one of the allowed values" };
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
                            const err33 = { instancePath: instancePath + "/steps/" + i0 + "/action", schemaPath: "#/properties/steps/items/properties/action/enum", keyword: "enum", params: { allowedValues: schema10.properties.steps.items.properties.action.enum }, message: "must be equal to one of the allowed values" };
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
                            const err34 = { instancePath: instancePath + "/steps/" + i0 + "/outcome", schemaPath: "#/properties/steps/items/properties/outcome/enum", keyword: "enum", params: { allowedValues: schema10.properties.steps.items.properties.outcome.enum }, message: "must be equal to one of the allowed values" };
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
        if (!(validate29(data17, { instancePath: instancePath + "/postObservation", parentData: data, parentDataProperty: "postObservation", rootData }))) {
            vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
            errors = vErrors.length;
        }
        var _valid3 = _errs46 === errors;
        valid8 = valid8 || _valid3;
        if (!valid8) {
            const _errs47 = errors;
            if (data17 !== null) {
                const err49 = { instancePath: instancePath + "/postObservation", schemaPath: "#/properties/postObservation/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err49];
                }
                else {
                    vErrors.push(err49);
                }
                errors++;
            }
            var _valid3 = _errs47 === errors;
            valid8 = valid8 || _valid3;
        }
        if (!valid8) {
            const err50 = { instancePath: instancePath + "/postObservation", schemaPath: "#/properties/postObservation/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
                vErrors = [err50];
            }
            else {
                vErrors.push(err50);
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
            const err51 = { instancePath: instancePath + "/converged", schemaPath: "#/properties/converged/type", keyword: "type", params: { type: schema10.properties.converged.type }, message: "must be boolean,null" };
            if (vErrors === null) {
                vErrors = [err51];
            }
            else {
                vErrors.push(err51);
            }
            errors++;
        }
    }
    if (data.remaining !== undefined) {
        let data19 = data.remaining;
        if (Array.isArray(data19)) {
            const len1 = data19.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (!(validate31(data19[i1], { instancePath: instancePath + "/remaining/" + i1, parentData: data19, parentDataProperty: i1, rootData }))) {
                    vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err52 = { instancePath: instancePath + "/remaining", schemaPath: "#/properties/remaining/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err52];
            }
            else {
                vErrors.push(err52);
            }
            errors++;
        }
    }
    if (data.extra !== undefined) {
        let data21 = data.extra;
        if (!(data21 && typeof data21 == "object" && !Array.isArray(data21))) {
            const err53 = { instancePath: instancePath + "/extra", schemaPath: "#/properties/extra/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err53];
            }
            else {
                vErrors.push(err53);
            }
            errors++;
        }
    }
    if (data.startedAt !== undefined) {
        if (typeof data.startedAt !== "string") {
            const err54 = { instancePath: instancePath + "/startedAt", schemaPath: "#/properties/startedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err54];
            }
            else {
                vErrors.push(err54);
            }
            errors++;
        }
    }
    if (data.finishedAt !== undefined) {
        if (typeof data.finishedAt !== "string") {
            const err55 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err55];
            }
            else {
                vErrors.push(err55);
            }
            errors++;
        }
    }
}
else {
    const err56 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err56];
    }
    else {
        vErrors.push(err56);
    }
    errors++;
} validate28.errors = vErrors; return errors === 0; }
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
