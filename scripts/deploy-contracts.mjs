#!/usr/bin/env node
// Deploys Maily's trust contracts (resources/contracts/*.json, compiled by
// scripts/compile-contracts.mjs) to an EVM chain, and prints the chain settings to enter
// in Settings → Trust. The deploying key becomes the reward token's owner (the only
// address that can `reward`). The key is read from the environment, never from the
// command line (which other users of the machine can see).
//
//   MAILY_DEPLOY_KEY=0x… node scripts/deploy-contracts.mjs --rpc https://rpc.example.org [--name "Maily Reward"] [--symbol MLY]
//
// Prints one JSON line: { chainId, registryAddress, rewardTokenAddress, deployer, rpcUrl }.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ContractFactory, JsonRpcProvider, Wallet } from 'ethers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifact = (name) => JSON.parse(readFileSync(join(root, 'resources', 'contracts', `${name}.json`), 'utf8'));

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    name: { type: 'string', default: 'Maily Reward' },
    symbol: { type: 'string', default: 'MLY' },
  },
});
if (!values.rpc || !/^https?:\/\//.test(values.rpc)) {
  console.error('Usage: MAILY_DEPLOY_KEY=0x… node scripts/deploy-contracts.mjs --rpc http(s)://…');
  process.exit(2);
}
const key = process.env.MAILY_DEPLOY_KEY;
if (!key) {
  console.error('Set MAILY_DEPLOY_KEY to the private key of a funded account on that chain.');
  process.exit(2);
}

const provider = new JsonRpcProvider(values.rpc, undefined, { staticNetwork: true, cacheTimeout: -1 });
try {
  const { chainId } = await provider.getNetwork();
  const deployer = new Wallet(key, provider);
  const deploy = async (name, args) => {
    const { abi, bytecode } = artifact(name);
    const contract = await new ContractFactory(abi, bytecode, deployer).deploy(...args);
    await contract.waitForDeployment();
    const address = await contract.getAddress();
    console.error(`${name} at ${address} (tx ${contract.deploymentTransaction()?.hash})`);
    return address;
  };
  const registryAddress = await deploy('MailyRegistry', []);
  const rewardTokenAddress = await deploy('MailyReward', [values.name, values.symbol]);
  console.log(
    JSON.stringify({
      chainId: Number(chainId),
      registryAddress,
      rewardTokenAddress,
      deployer: deployer.address,
      rpcUrl: values.rpc,
    }),
  );
} finally {
  provider.destroy();
}
