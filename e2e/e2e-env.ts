import path from "node:path";

// The e2e server's database and storage (scripts/e2e-server.ts derives both from E2E_PORT).
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PORT + 51231}/atelier`;
export const E2E_STORAGE_DIR = path.resolve(`.data/e2e-storage-${E2E_PORT}`);
