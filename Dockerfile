# Cosecha's image: the TypeScript sources run through tsx (no build step), as `npm start` does.
FROM node:20-bookworm-slim

# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# tsconfig.json is read at run time: tsx takes experimentalDecorators (typegoose models) from it.
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY harvesters ./harvesters
COPY reports ./reports
COPY config ./config

USER node
EXPOSE 8080
CMD ["node", "bin/cosecha.js", "serve", "--port", "8080"]
