// The Shopee simulator in its own process for the intake benchmark (as the real Shopee is another
// machine): seeds the shop, places N orders, prints {url, code} and serves until stdin closes. Args: orders
import { createInterface } from 'node:readline';
import { PARTNER, shopSeed, SHOP_ID, startSim } from '../integration/intake/intake-fixture.js';

const count = Number(process.argv[2] ?? 1000);
const sim = await startSim([shopSeed(20, 10_000_000)]);
const made = sim.control.generateOrders(count, SHOP_ID).length;
console.log(JSON.stringify({ url: sim.url, code: sim.control.issueAuthCode(SHOP_ID, PARTNER.partnerId), made }));
createInterface({ input: process.stdin }).on('close', () => void sim.close().then(() => process.exit(0)));
