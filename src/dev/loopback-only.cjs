/*
 * Preloaded (node --require) into the Fluid local service, which listens "on all network
 * interfaces" with no host option. A listen() call that names only a port is bound to 127.0.0.1,
 * so the local stack never opens a port beyond this machine.
 */
'use strict';
const net = require('node:net');
const original = net.Server.prototype.listen;
net.Server.prototype.listen = function patchedListen(...args) {
  const portOnly =
    (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) &&
    (args.length === 1 || typeof args[1] === 'function');
  if (portOnly) args.splice(1, 0, process.env.GUILDHALL_BIND_HOST || '127.0.0.1');
  return original.apply(this, args);
};
