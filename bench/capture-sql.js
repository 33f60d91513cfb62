// A --require preload that records the SQL a server sends through pg, for the bench's statement
// check: `node --require ./bench/capture-sql.js server.js` in a process started with an IPC
// channel (fork, or spawn with 'ipc' in stdio). The parent sends {capture: 'start'} (answered
// {capturing: true}) and later {capture: 'stop'}, answered {statements: [{name, text, values}]}:
// every statement any pg Client sent in between, in order, values as pg puts them on the wire. Outside a capture it costs one check
// per statement; the bench only loads it into short-lived probe servers, never the measured ones.
'use strict';
const { Client } = require('pg');
const { prepareValue } = require('pg/lib/utils');

let recording;
const query = Client.prototype.query;
Client.prototype.query = function capturedQuery(config, values, callback) {
  if (recording && config !== null && config !== undefined) {
    const statement = typeof config === 'string' ? { text: config, values } : { name: config.name, text: config.text, values: config.values ?? values };
    const bound = Array.isArray(statement.values) ? statement.values : [];
    recording.push({ name: statement.name, text: statement.text, values: bound.map(wire) });
  }
  return query.call(this, config, values, callback);
};

/** A parameter as pg sends it: text (dates in pg's format, arrays as literals) or null. */
function wire(value) {
  const prepared = prepareValue(value);
  return Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : (prepared ?? null);
}

if (process.send) {
  process.on('message', (message) => {
    if (message?.capture === 'start') {
      recording = [];
      process.send({ capturing: true });
    }
    if (message?.capture === 'stop') {
      process.send({ statements: recording ?? [] });
      recording = undefined;
    }
  });
  // The channel must not keep a server alive that is otherwise done.
  process.channel?.unref();
}
