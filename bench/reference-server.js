// The bare reference: node:http + one pg Pool query per request, no framework.
// Usage: node bench/reference-server.js <port> <sql>
'use strict';
const http = require('node:http');
const { Pool } = require('pg');

const port = Number(process.argv[2]);
const sql = process.argv[3] || 'SELECT 1 AS one';
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE || 10) });

http
  .createServer(async (req, res) => {
    try {
      const result = await pool.query({ name: 'reference', text: sql });
      const body = JSON.stringify(result.rows[0] ?? null);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error.message));
    }
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
