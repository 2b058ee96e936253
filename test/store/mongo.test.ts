/**
 * The store contract against MongoDB. It needs a server: set MONGODB_URI (for instance
 * `MONGODB_URI=mongodb://127.0.0.1:27017 npm test`, after `docker compose up -d mongo`). Each test
 * opens a store on a fresh database, and every database made here is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { openMongoStore } from '../../src/store/mongo/mongo-store.js';
import { storeContract } from './contract.js';

const uri = process.env.MONGODB_URI;

if (uri) {
  const databases: string[] = [];
  storeContract('mongodb', async () => {
    const dbName = `cosecha_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    databases.push(dbName);
    return openMongoStore(uri, { dbName, serverSelectionTimeoutMS: 5000 });
  });
  after(async () => {
    if (databases.length === 0) return;
    const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
    try {
      for (const name of databases) await connection.useDb(name).dropDatabase();
    } finally {
      await connection.close();
    }
  });
} else {
  process.stderr.write('MongoDB contract suite skipped: set MONGODB_URI to run it\n');
  describe('store contract: mongodb', () => {
    it.skip('skipped: MONGODB_URI is not set', () => undefined);
  });
}
