# One image for the gateway, every subgraph and the one-shot `keys` service; the command picks
# which (see docker-compose.yml). TypeScript is compiled in the build stage; the runtime stage runs
# the compiled JavaScript with node, on production dependencies only.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY platform ./platform
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
# The committed supergraph and the trusted-document manifest, copied into dist/ by the build.
COPY schema ./schema
COPY generated ./generated
RUN npm run build
# The web app, served by the gateway at / from web/dist (WEB_DIST_DIR).
COPY web ./web
RUN npm run build:web

FROM node:24-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
ENV WEB_DIST_DIR=/app/web/dist
# Mount points of the key, Web Push key and report-file volumes, owned by `node` so a fresh named volume is writable.
RUN mkdir -p /keys/private /keys/public /keys/vapid /files && chown -R node:node /keys /files
USER node
ENTRYPOINT ["node", "dist/scripts/serve.js"]
