# One image for the gateway and every subgraph; the command picks which (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY platform ./platform
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
# The trusted-document manifest the gateway loads at boot.
COPY generated ./generated
COPY scripts ./scripts
ENV NODE_ENV=production HOST=0.0.0.0
USER node
ENTRYPOINT ["node", "--import", "tsx", "scripts/serve.ts"]
