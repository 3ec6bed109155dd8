# The api, built from this repository. Used by both profiles of docker-compose.yml (KurrentDB, PostgreSQL).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY bench bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# The heap limit of `npm start` (README, Configuration): without it V8 lets garbage grow the heap
# by hundreds of MB before collecting it, and a cold start over a large store passes 400 MB.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data NODE_OPTIONS=--max-old-space-size=384
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
VOLUME /data
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
