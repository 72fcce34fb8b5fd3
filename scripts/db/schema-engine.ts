import { randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma's schema engine, run as WebAssembly through the pg driver adapter. The native engine that
 * `prisma migrate` uses is downloaded from Prisma's CDN, which these machines cannot reach; the Wasm
 * build ships inside an npm package (pinned to the CLI's exact engine version in package.json) and
 * writes the same `_prisma_migrations` table, so both paths stay interchangeable.
 */
const root = path.resolve(import.meta.dirname, "../..");
export const migrationsDir = path.join(root, "prisma/migrations");
export const schemaPath = path.join(root, "prisma/schema.prisma");

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bgModule: Promise<Bg> | undefined;

// The package's entry does `import * as wasm from "./x.wasm"`, which Node 20 only allows behind
// --experimental-wasm-modules; instantiating the same module by hand avoids the flag.
function loadEngineModule(): Promise<Bg> {
  bgModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    // The engine reports a Rust panic's message through this global before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`Schema engine panic: ${message}`),
    };
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bg;
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bgModule;
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  run: (engine: SchemaEngine) => Promise<T>,
  datamodels?: [string, string][],
): Promise<T> {
  const bg = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationAwareFactory(poolConfig(databaseUrl)));
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(line);
  };
  const engine = await bg.SchemaEngine.new({ datamodels }, log, adapter).catch((e: unknown) => {
    throw driverError(adapter.errorRegistry, e);
  });
  try {
    return await run(engine);
  } catch (e) {
    throw driverError(adapter.errorRegistry, e);
  } finally {
    engine.free();
  }
}

type PoolConfig = ReturnType<typeof poolConfig>;

/**
 * Discrete fields rather than a connection string, so that a shadow database can be addressed by
 * overriding `database` (pg ignores it when a connectionString is present).
 */
function poolConfig(databaseUrl: string) {
  const u = new URL(databaseUrl);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine describes a database through catalog columns of Postgres' one-byte "char" type
 * (relkind, contype, …), which adapter-pg refuses as an unsupported type. Their values arrive as
 * text anyway, so the client relabels those fields as text before the adapter sees them.
 */
class CatalogFriendlyClient extends pg.Client {
  // pg's query() is heavily overloaded (promise or callback, text or config); relabel both ways.
  override query(...args: unknown[]): never {
    const relabel = (res: unknown) => {
      for (const f of (res as pg.QueryResult | undefined)?.fields ?? []) {
        if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
      }
      return res;
    };
    const last = args.length - 1;
    const cb = args[last];
    if (typeof cb === "function") {
      args[last] = (err: unknown, res: unknown) => cb(err, err ? res : relabel(res));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(relabel) : out) as never;
  }
}

/** The adapter's private parts that executeScript uses. */
interface ScriptRunner {
  client: pg.Pool;
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}

/**
 * adapter-pg runs a migration script by splitting it at every `;`, which cuts a PL/pgSQL body
 * (the change-notification triggers) apart. The native engine sends the script whole, as one
 * simple-protocol query (one implicit transaction); so does this.
 */
function adapterFactory(config: PoolConfig) {
  const factory = new PrismaPg(new pg.Pool({ ...config, Client: CatalogFriendlyClient }), { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

/**
 * The adapter's own shadow database is dropped while its pool still holds connections (the DROP
 * fails, and the idle clients later crash the process), so the shadow is made here: a throwaway
 * database whose pool is ended before it is dropped.
 */
function migrationAwareFactory(config: PoolConfig) {
  const factory = adapterFactory(config);
  factory.connectToShadowDb = async () => {
    const database = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client(config);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const shadow = await adapterFactory({ ...config, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(config);
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    };
    return shadow;
  };
  return factory;
}

/** Errors raised inside the pg driver reach us as an id into the adapter's registry. */
function driverError(registry: ErrorRegistry, e: unknown): unknown {
  const id = (e as { id?: unknown } | null)?.id;
  const record = typeof id === "number" ? registry.consumeError(id) : undefined;
  return record?.error ?? e;
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const content = await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (err: Error) => ({ tag: "error" as const, value: err.message }),
        );
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every committed migration not yet in `_prisma_migrations`; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  const out = await withSchemaEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return out.appliedMigrationNames;
}

/**
 * The SQL that takes a database built from the committed migrations to prisma/schema.prisma,
 * or "" when they agree. The engine replays the migrations in a temporary shadow database.
 */
export async function diffSchemaFromMigrations(databaseUrl: string): Promise<string> {
  const migrationsList = await readMigrationList();
  const schema = await readFile(schemaPath, "utf8");
  const files = [{ path: schemaPath, content: schema }];
  const result = await withSchemaEngine(databaseUrl, async (engine) => {
    const chunks: string[] = [];
    const write = process.stdout.write;
    // The engine prints the script to stdout rather than returning it.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write;
    try {
      const res = await engine.diff({
        from:
          migrationsList.migrationDirectories.length === 0
            ? { tag: "empty" }
            : { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return res.stdout ?? chunks.join("");
    } finally {
      process.stdout.write = write;
    }
  });
  return result.includes("This is an empty migration.") ? "" : result;
}
