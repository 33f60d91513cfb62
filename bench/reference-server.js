// The bare reference: node:http + one primary-key SELECT through a pg Pool, no framework.
// GET /<customer_id> answers that customer's row as JSON.
// Usage: node bench/reference-server.js <port>
'use strict';
const http = require('node:http');
const { Pool } = require('pg');

const port = Number(process.argv[2]);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
const SQL = 'SELECT * FROM customers WHERE customer_id = $1';

http
  .createServer(async (req, res) => {
    try {
      const id = req.url.slice(1);
      const result = await pool.query({ name: 'reference', text: SQL, values: [id] });
      const body = JSON.stringify(result.rows[0] ?? null);
      res.writeHead(result.rows[0] ? 200 : 404, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error.message));
    }
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
