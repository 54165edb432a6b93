// A small Redis client (RESP2 over one TCP socket) that implements BullMQ's `IRedisClient`, so
// the queue runs without the optional `ioredis` package. It behaves like ioredis where BullMQ
// relies on it: it connects on construction, queues commands while disconnected, reconnects
// forever with a bounded back-off, and re-sends the commands that were in flight when the
// connection dropped (a restarted Redis loses nothing that BullMQ is still waiting for).
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect as netConnect, type Socket } from 'node:net';
import { Readable } from 'node:stream';

/** Where the Redis server is: host, port, optional credentials, database and client name. */
export interface RespClientOptions {
  readonly host?: string;
  readonly port?: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly connectionName?: string;
  /** Longest wait between reconnection attempts, ms (default 1000). */
  readonly maxRetryDelayMs?: number;
}

/** An error reply of the server (`-ERR ...`, `-NOSCRIPT ...`). */
export class ReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplyError';
  }
}

const CLOSED = 'Connection is closed.';

type Reply = string | number | null | ReplyError | Reply[];
type Arg = string | number | Buffer | null | undefined | readonly Arg[];

interface Pending {
  readonly args: readonly (string | Buffer)[];
  readonly resolve: (value: Reply) => void;
  readonly reject: (error: Error) => void;
}

interface Script {
  readonly sha: string;
  readonly lua: string;
  readonly keys: number;
}

function flatten(args: readonly Arg[], out: (string | Buffer)[] = []): (string | Buffer)[] {
  for (const a of args) {
    if (Array.isArray(a)) flatten(a, out);
    else if (Buffer.isBuffer(a)) out.push(a);
    else if (a === null || a === undefined) out.push('');
    else out.push(String(a));
  }
  return out;
}

function encode(args: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `pos`; undefined when the buffer does not hold all of it yet. */
function parse(buf: Buffer, pos: number): { value: Reply; pos: number } | undefined {
  if (pos >= buf.length) return undefined;
  const end = buf.indexOf('\r\n', pos);
  if (end < 0) return undefined;
  const type = String.fromCharCode(buf[pos]!);
  const line = buf.toString('utf8', pos + 1, end);
  switch (type) {
    case '+':
      return { value: line, pos: end + 2 };
    case '-':
      return { value: new ReplyError(line), pos: end + 2 };
    case ':':
      return { value: Number(line), pos: end + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, pos: end + 2 };
      if (buf.length < end + 2 + n + 2) return undefined;
      return { value: buf.toString('utf8', end + 2, end + 2 + n), pos: end + 2 + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, pos: end + 2 };
      const items: Reply[] = [];
      let at = end + 2;
      for (let i = 0; i < n; i++) {
        const item = parse(buf, at);
        if (item === undefined) return undefined;
        items.push(item.value);
        at = item.pos;
      }
      return { value: items, pos: at };
    }
    default:
      throw new ReplyError(`Protocol error: unexpected reply type ${JSON.stringify(type)}`);
  }
}

function pairsToObject(reply: Reply): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(reply))
    for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}

/** Queued commands of a MULTI transaction or a pipeline. */
class Batch {
  private readonly commands: { args: (string | Buffer)[]; map?: (r: Reply) => unknown }[] = [];
  private readonly scripts = new Set<Script>();

  constructor(
    private readonly client: RespClient,
    private readonly atomic: boolean,
  ) {}

  private add(args: readonly Arg[], map?: (r: Reply) => unknown): this {
    this.commands.push(map === undefined ? { args: flatten(args) } : { args: flatten(args), map });
    return this;
  }
  hgetall(key: string): this {
    return this.add(['HGETALL', key], pairsToObject);
  }
  hset(key: string, data: Record<string, string | number>): this {
    return this.add(['HSET', key, ...Object.entries(data).flat()]);
  }
  hscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add([
      'HSCAN',
      key,
      cursor,
      ...(options?.COUNT === undefined ? [] : ['COUNT', options.COUNT]),
    ]);
  }
  smembers(key: string): this {
    return this.add(['SMEMBERS', key]);
  }
  sscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add([
      'SSCAN',
      key,
      cursor,
      ...(options?.COUNT === undefined ? [] : ['COUNT', options.COUNT]),
    ]);
  }
  zrange(key: string, start: number, end: number): this {
    return this.add(['ZRANGE', key, start, end]);
  }
  lrange(key: string, start: number, end: number): this {
    return this.add(['LRANGE', key, start, end]);
  }
  llen(key: string): this {
    return this.add(['LLEN', key]);
  }
  del(...keys: string[]): this {
    return this.add(['DEL', ...keys]);
  }
  runCommand(name: string, args: readonly Arg[]): this {
    const script = this.client.script(name);
    this.scripts.add(script);
    return this.add(['EVALSHA', script.sha, script.keys, ...flatten(args)]);
  }
  async exec(): Promise<[Error | null, unknown][] | null> {
    // Scripts are loaded first: EVALSHA inside MULTI cannot fall back to EVAL.
    await Promise.all([...this.scripts].map((s) => this.client.call(['SCRIPT', 'LOAD', s.lua])));
    const settle = (r: Reply, i: number): [Error | null, unknown] => {
      if (r instanceof Error) return [r, null];
      const map = this.commands[i]!.map;
      return [null, map === undefined ? r : map(r)];
    };
    if (!this.atomic) {
      const replies = await Promise.all(
        this.commands.map((c) =>
          this.client.call(c.args).then(
            (r) => r,
            (e: Error) => e as Reply,
          ),
        ),
      );
      return replies.map(settle);
    }
    const sent = [
      this.client.call(['MULTI']),
      ...this.commands.map((c) => this.client.call(c.args).catch(() => null)),
    ];
    const result = this.client.call(['EXEC']);
    await Promise.all(sent);
    const replies = await result;
    if (replies === null) return null;
    return (replies as Reply[]).map(settle);
  }
}

/**
 * A Redis connection with the methods and events BullMQ uses (`IRedisClient`). Statuses follow
 * ioredis: `connecting`, `connect`, `ready`, `reconnecting`, `end`.
 */
export class RespClient extends EventEmitter {
  status = 'wait';
  readonly isCluster = false;
  options: Record<string, unknown>;
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private inFlight: Pending[] = [];
  private queued: Pending[] = [];
  private readonly scripts = new Map<string, Script>();
  private attempts = 0;
  private ending = false;
  private timer: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;

  constructor(options: RespClientOptions = {}) {
    super();
    // maxRetriesPerRequest null: BullMQ refuses blocking clients that give up on commands.
    this.options = { host: '127.0.0.1', port: 6379, ...options, maxRetriesPerRequest: null };
    this.connect().catch(() => {});
  }

  /** Opens the connection (also done by the constructor); resolves once it is ready. */
  connect(): Promise<void> {
    this.ending = false;
    if (this.status === 'ready') return Promise.resolve();
    if (this.ready !== undefined) return this.ready;
    this.ready = new Promise<void>((resolve, reject) => {
      const onReady = () => {
        this.off('end', onEnd);
        resolve();
      };
      const onEnd = () => {
        this.off('ready', onReady);
        reject(new Error(CLOSED));
      };
      this.once('ready', onReady);
      this.once('end', onEnd);
    }).finally(() => {
      this.ready = undefined;
    });
    this.open();
    return this.ready;
  }

  private open(): void {
    this.timer = undefined;
    this.status = this.attempts === 0 ? 'connecting' : 'reconnecting';
    const socket = netConnect({ host: String(this.options.host), port: Number(this.options.port) });
    socket.setNoDelay(true);
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    socket.on('connect', () => {
      this.status = 'connect';
      this.emit('connect');
      void this.handshake(socket);
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => {
      if (this.listenerCount('error') > 0 && !this.ending) this.emit('error', error);
    });
    socket.on('close', () => this.closed(socket));
  }

  private async handshake(socket: Socket): Promise<void> {
    const o = this.options as RespClientOptions;
    const first: (string | number)[][] = [];
    if (o.password !== undefined) {
      first.push(o.username === undefined ? ['AUTH', o.password] : ['AUTH', o.username, o.password]);
    }
    if (o.db !== undefined && o.db !== 0) first.push(['SELECT', o.db]);
    if (o.connectionName !== undefined) first.push(['CLIENT', 'SETNAME', o.connectionName]);
    try {
      await Promise.all(first.map((args) => this.send(flatten(args))));
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', error);
      socket.destroy();
      return;
    }
    if (this.socket !== socket) return;
    this.status = 'ready';
    this.attempts = 0;
    const waiting = this.queued;
    this.queued = [];
    for (const p of waiting) this.write(p);
    this.emit('ready');
  }

  private closed(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    // Unanswered commands go back to the front of the queue, to be re-sent on reconnection.
    this.queued = [...this.inFlight, ...this.queued];
    this.inFlight = [];
    this.emit('close');
    if (this.ending) {
      this.finish();
      return;
    }
    this.status = 'reconnecting';
    this.attempts++;
    const delay = Math.min(50 * this.attempts, Number(this.options.maxRetryDelayMs ?? 1000));
    this.emit('reconnecting', delay);
    this.timer = setTimeout(() => this.open(), delay);
  }

  private finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const failed = [...this.inFlight, ...this.queued];
    this.inFlight = [];
    this.queued = [];
    this.status = 'end';
    for (const p of failed) p.reject(new Error(CLOSED));
    this.emit('end');
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let pos = 0;
    for (;;) {
      const parsed = parse(this.buffer, pos);
      if (parsed === undefined) break;
      pos = parsed.pos;
      const p = this.inFlight.shift();
      if (p === undefined) continue;
      if (parsed.value instanceof ReplyError) p.reject(parsed.value);
      else p.resolve(parsed.value);
    }
    this.buffer = pos === this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(pos);
  }

  private write(p: Pending): void {
    this.inFlight.push(p);
    this.socket!.write(encode(p.args));
  }

  /** Sends on the current socket even before `ready` (the handshake). */
  private send(args: readonly (string | Buffer)[]): Promise<Reply> {
    return new Promise((resolve, reject) => this.write({ args, resolve, reject }));
  }

  /** Runs one command: now when ready, else once (re)connected. */
  call(args: readonly Arg[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const p: Pending = { args: flatten(args), resolve, reject };
      if (this.status === 'end') reject(new Error(CLOSED));
      else if (this.status === 'ready' && this.socket !== undefined) this.write(p);
      else this.queued.push(p);
    });
  }

  disconnect(reconnect = false): void {
    if (reconnect) {
      this.socket?.destroy();
      return;
    }
    this.ending = true;
    if (this.socket !== undefined) this.socket.destroy();
    else if (this.status !== 'end') {
      this.emit('close');
      this.finish();
    }
  }

  async quit(): Promise<string> {
    if (this.status === 'end') return 'OK';
    if (this.status !== 'ready') {
      this.disconnect();
      return 'OK';
    }
    this.ending = true;
    const reply = await this.call(['QUIT']).catch(() => 'OK');
    this.socket?.end();
    return String(reply);
  }

  duplicate(overrides: Partial<RespClientOptions> = {}): RespClient {
    return new RespClient({ ...(this.options as RespClientOptions), ...overrides });
  }

  /** The script registered under `name`. */
  script(name: string): Script {
    const s = this.scripts.get(name);
    if (s === undefined) throw new Error(`unknown script command "${name}"`);
    return s;
  }

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    const sha = createHash('sha1').update(definition.lua).digest('hex');
    this.scripts.set(name, { sha, lua: definition.lua, keys: definition.numberOfKeys });
    // BullMQ checks `client[name]` to see whether a script is already defined.
    (this as unknown as Record<string, unknown>)[name] = (...args: Arg[]) => this.runCommand(name, args);
  }

  async runCommand(name: string, args: readonly Arg[]): Promise<Reply> {
    const s = this.script(name);
    const rest = flatten(args);
    try {
      return await this.call(['EVALSHA', s.sha, s.keys, ...rest]);
    } catch (error) {
      if (!(error instanceof ReplyError) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.call(['EVAL', s.lua, s.keys, ...rest]);
    }
  }

  multi(): Batch {
    return new Batch(this, true);
  }
  pipeline(): Batch {
    return new Batch(this, false);
  }
  async hgetall(key: string): Promise<Record<string, string>> {
    return pairsToObject(await this.call(['HGETALL', key]));
  }
  hget(key: string, field: string) {
    return this.call(['HGET', key, field]);
  }
  hmget(key: string, ...fields: string[]) {
    return this.call(['HMGET', key, ...fields]);
  }
  hset(key: string, data: Record<string, string | number>) {
    return this.call(['HSET', key, ...Object.entries(data).flat()]);
  }
  hdel(key: string, ...fields: string[]) {
    return this.call(['HDEL', key, ...fields]);
  }
  hexists(key: string, field: string) {
    return this.call(['HEXISTS', key, field]);
  }
  get(key: string) {
    return this.call(['GET', key]);
  }
  set(key: string, value: string | number, options?: { PX?: number; EX?: number }) {
    const expiry =
      options?.PX !== undefined ? ['PX', options.PX] : options?.EX !== undefined ? ['EX', options.EX] : [];
    return this.call(['SET', key, value, ...expiry]);
  }
  del(...keys: string[]) {
    return this.call(['DEL', ...keys]);
  }
  zrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    return this.call(['ZRANGE', key, start, end, ...(options?.WITHSCORES ? ['WITHSCORES'] : [])]);
  }
  zrevrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    return this.call(['ZREVRANGE', key, start, end, ...(options?.WITHSCORES ? ['WITHSCORES'] : [])]);
  }
  zcard(key: string) {
    return this.call(['ZCARD', key]);
  }
  zscore(key: string, member: string) {
    return this.call(['ZSCORE', key, member]);
  }
  lrange(key: string, start: number, end: number) {
    return this.call(['LRANGE', key, start, end]);
  }
  llen(key: string) {
    return this.call(['LLEN', key]);
  }
  ltrim(key: string, start: number, end: number) {
    return this.call(['LTRIM', key, start, end]);
  }
  lpos(key: string, value: string) {
    return this.call(['LPOS', key, value]);
  }
  smembers(key: string) {
    return this.call(['SMEMBERS', key]);
  }
  xadd(
    key: string,
    id: string,
    fields: Record<string, string | number>,
    options?: { MAXLEN?: number; approximate?: boolean },
  ) {
    const trim =
      options?.MAXLEN === undefined
        ? []
        : ['MAXLEN', ...(options.approximate === false ? [] : ['~']), options.MAXLEN];
    return this.call(['XADD', key, ...trim, id, ...Object.entries(fields).flat()]);
  }
  xread(streams: readonly { key: string; id: string }[], options?: { BLOCK?: number; COUNT?: number }) {
    return this.call([
      'XREAD',
      ...(options?.BLOCK === undefined ? [] : ['BLOCK', options.BLOCK]),
      ...(options?.COUNT === undefined ? [] : ['COUNT', options.COUNT]),
      'STREAMS',
      ...streams.map((s) => s.key),
      ...streams.map((s) => s.id),
    ]);
  }
  xtrim(key: string, strategy: 'MAXLEN', threshold: number, options?: { approximate?: boolean }) {
    return this.call(['XTRIM', key, strategy, ...(options?.approximate === false ? [] : ['~']), threshold]);
  }
  bzpopmin(key: string, timeout: number) {
    return this.call(['BZPOPMIN', key, timeout]);
  }
  async info(): Promise<string> {
    return String(await this.call(['INFO']));
  }
  clientSetName(name: string) {
    return this.call(['CLIENT', 'SETNAME', name]);
  }
  async clientList(): Promise<string> {
    return String(await this.call(['CLIENT', 'LIST']));
  }
  async clientInfo(): Promise<string> {
    return String(await this.call(['CLIENT', 'INFO']));
  }
  scan(cursor: string | number, options: { MATCH?: string; COUNT?: number } = {}) {
    return this.call([
      'SCAN',
      cursor,
      ...(options.MATCH === undefined ? [] : ['MATCH', options.MATCH]),
      ...(options.COUNT === undefined ? [] : ['COUNT', options.COUNT]),
    ]);
  }
  scanStream(options: { match: string; count?: number }): Readable {
    let cursor = '0';
    let done = false;
    const scanOptions =
      options.count === undefined ? { MATCH: options.match } : { MATCH: options.match, COUNT: options.count };
    const stream: Readable = new Readable({
      objectMode: true,
      read: () => {
        if (done) {
          stream.push(null);
          return;
        }
        this.scan(cursor, scanOptions).then(
          (reply) => {
            const [next, keys] = reply as [string, string[]];
            cursor = next;
            done = next === '0';
            // ioredis pushes one array of keys per SCAN reply.
            stream.push(keys);
          },
          (error: Error) => stream.destroy(error),
        );
      },
    });
    return stream;
  }
}
