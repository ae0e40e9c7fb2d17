// A loopback implementation of what @actions/artifact 6 really speaks: the results service's twirp
// calls (CreateArtifact, FinalizeArtifact) and Azure block-blob PUTs to the signed URL it hands out.
// It stores each uploaded zip so a test can unzip it and compare it with the files on disk.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  blocks: Map<string, Buffer>;
  zip: Buffer | null;
  finalized: boolean;
  declaredSize: string | null;
  declaredHash: string | null;
}

export interface ArtifactService {
  url: string;
  /** ACTIONS_RUNTIME_TOKEN: an unsigned JWT whose scp names the run and job backend ids. */
  runtimeToken: string;
  artifacts: StoredArtifact[];
  /** Protocol violations seen (a test asserts none). */
  violations: string[];
  /** Make the next CreateArtifact answer this HTTP status (4xx: not retried by the client). */
  failNextCreate(status: number): void;
  /** Leave every CreateArtifact unanswered until close (a stuck upload). */
  hang(on: boolean): void;
  close(): Promise<void>;
}

export const RUN_BACKEND_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const JOB_BACKEND_ID = 'c0ffee00-0000-4000-8000-000000000002';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function runtimeJwt(run = RUN_BACKEND_ID, job = JOB_BACKEND_ID): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ scp: `Actions.GenericRead:x Actions.Results:${run}:${job}`, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

export async function startArtifactService(): Promise<ArtifactService> {
  const artifacts: StoredArtifact[] = [];
  const violations: string[] = [];
  let failCreate: number | null = null;
  let nextId = 4000;

  let hanging = false;
  const held: ServerResponse[] = [];
  const json = (res: ServerResponse, status: number, o: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(o));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const data = await body(req);
      if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
        const bearer = /^Bearer ([^.]+)\.([^.]+)\.(.*)$/.exec(req.headers.authorization ?? '');
        if (!bearer) violations.push(`${url.pathname}: no bearer runtime token`);
        const claims = bearer ? (JSON.parse(Buffer.from(bearer[2]!, 'base64url').toString('utf8')) as { scp?: string }) : {};
        const scope = (claims.scp ?? '').split(' ').find((x) => x.startsWith('Actions.Results:'))?.split(':') ?? [];
        const msg = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
        const call = url.pathname.slice(TWIRP.length);
        const run = msg.workflow_run_backend_id ?? msg.workflowRunBackendId;
        const job = msg.workflow_job_run_backend_id ?? msg.workflowJobRunBackendId;
        if (run !== scope[1] || job !== scope[2]) violations.push(`${call}: backend ids ${String(run)}/${String(job)} are not the token's`);
        if (call === 'CreateArtifact') {
          if (hanging) {
            held.push(res);
            return;
          }
          if (failCreate !== null) {
            const s = failCreate;
            failCreate = null;
            return json(res, s, { code: 'invalid_argument', msg: 'refused by the test' });
          }
          if (msg.version !== 7) violations.push(`CreateArtifact: version ${String(msg.version)}, expected 7`);
          const name = String(msg.name);
          // Names are unique within a workflow run, as on GitHub.
          if (artifacts.some((a) => a.name === name && a.runBackendId === run && a.finalized)) return json(res, 409, { code: 'already_exists', msg: `artifact ${name} exists` });
          const a: StoredArtifact = { id: ++nextId, name, runBackendId: String(run), jobBackendId: String(job), blocks: new Map(), zip: null, finalized: false, declaredSize: null, declaredHash: null };
          artifacts.push(a);
          const addr = server.address() as AddressInfo;
          return json(res, 200, { ok: true, signed_upload_url: `http://127.0.0.1:${addr.port}/blob/${a.id}/${encodeURIComponent(name)}.zip?sig=test-signature&se=2099-01-01` });
        }
        if (call === 'FinalizeArtifact') {
          const a = artifacts.find((x) => x.name === msg.name && x.runBackendId === run && !x.finalized);
          if (!a) return json(res, 404, { code: 'not_found', msg: 'no such artifact' });
          const hash = (msg.hash as { value?: string } | string | undefined) ?? null;
          a.declaredHash = typeof hash === 'string' ? hash : (hash?.value ?? null);
          a.declaredSize = typeof msg.size === 'string' ? msg.size : null;
          if (typeof msg.size !== 'string') violations.push('FinalizeArtifact: size is not a string');
          if (!a.zip) violations.push('FinalizeArtifact before the block list was committed');
          else {
            if (a.declaredSize !== String(a.zip.length)) violations.push(`FinalizeArtifact: size ${a.declaredSize} but ${a.zip.length} bytes were uploaded`);
            const h = `sha256:${createHash('sha256').update(a.zip).digest('hex')}`;
            if (a.declaredHash !== h) violations.push(`FinalizeArtifact: hash ${a.declaredHash} but the upload hashes to ${h}`);
          }
          a.finalized = true;
          return json(res, 200, { ok: true, artifact_id: String(a.id) });
        }
        return json(res, 404, { code: 'bad_route', msg: `no method ${call}` });
      }
      const m = /^\/blob\/(\d+)\//.exec(url.pathname);
      if (req.method === 'PUT' && m) {
        const a = artifacts.find((x) => x.id === Number(m[1]));
        if (!a) return json(res, 404, {});
        if (url.searchParams.get('sig') !== 'test-signature') violations.push('blob PUT without the signed URL query');
        const comp = url.searchParams.get('comp');
        const headers = { 'x-ms-request-id': 'req', 'x-ms-version': '2025-01-05', date: new Date().toUTCString(), etag: '"0x1"' };
        if (comp === 'block') {
          a.blocks.set(url.searchParams.get('blockid') ?? '', data);
          res.writeHead(201, headers);
          return res.end();
        }
        if (comp === 'blocklist') {
          const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((x) => x[1]!);
          const parts = ids.map((id) => a.blocks.get(id));
          if (parts.some((p) => !p)) violations.push('block list names a block that was not uploaded');
          a.zip = Buffer.concat(parts.filter((p): p is Buffer => !!p));
          res.writeHead(201, headers);
          return res.end();
        }
        // A single-shot upload (small blobs may skip blocks).
        a.zip = data;
        res.writeHead(201, headers);
        return res.end();
      }
      violations.push(`unexpected ${req.method} ${url.pathname}`);
      json(res, 404, {});
    })().catch((e: unknown) => {
      violations.push(`service error: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    runtimeToken: runtimeJwt(),
    artifacts,
    violations,
    failNextCreate: (s) => {
      failCreate = s;
    },
    hang: (on) => {
      hanging = on;
      if (!on) for (const r of held.splice(0)) json(r, 503, { code: 'unavailable', msg: 'released by the test' });
    },
    close: () =>
      new Promise<void>((r) => {
        for (const h of held.splice(0)) h.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The entries of an uploaded zip, by path (read through its central directory). */
export function unzipEntries(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + csize);
    if (!name.endsWith('/')) out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
