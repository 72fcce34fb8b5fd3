# syntax=docker/dockerfile:1
# Atelier: one image, three roles (compose.yaml): the web server (default), the worker
# (`--target worker`) and the one-off migration job (the worker image, `npm run db:migrate`).

# ---- deps: every package, with the Prisma client generated (postinstall) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# `npm ci` refuses lockfiles written without other platforms' optional packages; install honours it.
RUN npm install --no-audit --no-fund

# ---- build: Next's standalone output (.next/standalone: server.js + only the files it needs) ----
FROM deps AS build
COPY . .
RUN npm run build

# ---- worker (and migrations): the generation worker runs from source through tsx ----
FROM node:20-bookworm-slim AS worker
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
COPY --from=deps --chown=node:node /app/lib/generated ./lib/generated
USER node
# SIGTERM reaches node itself (no npm in between): running generations get WORKER_SHUTDOWN_GRACE_SEC.
CMD ["node", "--import", "tsx", "--conditions=react-server", "scripts/worker.ts"]

# ---- web: the standalone server, non-root, sharp's prebuilt libvips included by the trace ----
FROM node:20-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Next's server finishes in-flight requests on SIGTERM before it exits.
CMD ["node", "server.js"]
