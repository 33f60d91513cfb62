// The benchmark cases, each measured against the bare reference. prepare() may create data or
// log in through the API and returns what autocannon sends.
'use strict';

exports.cases = [
  {
    name: 'GET /obp/v5.1.0/root',
    prepare: async ({ appUrl }) => ({ url: `${appUrl}/obp/v5.1.0/root` }),
  },
];
