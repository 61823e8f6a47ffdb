// The Shopee simulator in its own process for the intake benchmark (as the real Shopee is another
// machine): seeds the shop, places N orders, prints {url, code} and serves until stdin closes. A line
// `cpu <seq>` on stdin is answered with {cpuMs, seq}: the process's CPU time so far (user + system). Args: orders
import { createInterface } from 'node:readline';
import { PARTNER, shopSeed, SHOP_ID, startSim } from '../integration/intake/intake-fixture.js';

const count = Number(process.argv[2] ?? 1000);
const sim = await startSim([shopSeed(20, 10_000_000)]);
const made = sim.control.generateOrders(count, SHOP_ID).length;
console.log(JSON.stringify({ url: sim.url, code: sim.control.issueAuthCode(SHOP_ID, PARTNER.partnerId), made }));
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const m = /^cpu (\d+)$/.exec(line.trim());
  if (!m) return;
  const { user, system } = process.cpuUsage();
  console.log(JSON.stringify({ cpuMs: Math.round((user + system) / 1000), seq: Number(m[1]) }));
});
input.on('close', () => void sim.close().then(() => process.exit(0)));
