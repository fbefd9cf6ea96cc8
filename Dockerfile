# One image for the app (default command) and the Temporal worker (`npm run worker`).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# `docker stop` sends SIGTERM to npm alone: npm passes it to scripts/start.mjs (run with `exec`), which
# passes it to the server; the server closes HTTP, the runtime and its database (stopping an embedded
# PostgreSQL), then exits.
CMD ["npm", "start"]
