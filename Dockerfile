# Cosecha's image: the sources compiled to dist/ (npm run build), run by bin/cosecha.js as `npm start` does.
FROM node:20-bookworm-slim

# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Without scripts, then every dependency's own (better-sqlite3's build): the package's `prepare`
# (the build) needs the sources, copied below.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild && npm cache clean --force

# The build reads tsconfig.json (experimentalDecorators, for the typegoose models).
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY harvesters ./harvesters
COPY reports ./reports
COPY config ./config
RUN npm run build

USER node
# A container is reached through its own interfaces: serve listens on all of them (not 127.0.0.1).
ENV COSECHA_HOST=0.0.0.0
EXPOSE 8080
CMD ["node", "bin/cosecha.js", "serve", "--port", "8080"]
