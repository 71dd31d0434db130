/*
 * Preloaded (node --require) into the Fluid local service.
 * 1. It listens "on all network interfaces" with no host option: a listen() call that names only a
 *    port is bound to 127.0.0.1, so the local stack never opens a port beyond this machine.
 * 2. When GUILDHALL_PARENT_PID is set and that process dies (a launcher or test runner killed with
 *    SIGKILL), the service exits by itself instead of lingering.
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

const parent = Number(process.env.GUILDHALL_PARENT_PID);
if (parent) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}
