# The release-gate image: the worker by default; the same image runs the reviewer API (`api`) and the CLI.
# Sources run through tsx, as in development, so there is no separate build step to drift from the code.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
ENTRYPOINT ["node", "bin/release-gate.js"]
CMD ["worker"]
