import { dataset } from './dataset';

async function main() {
  const args = process.argv.slice(2);
  const years = Number(args[args.indexOf('--years') + 1]) || 10;
  const meta = await dataset(years, args.includes('--regenerate'));
  console.log(JSON.stringify(meta, null, 1));
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
