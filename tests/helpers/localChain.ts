import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractFactory, JsonRpcProvider, Network, Wallet, type BaseContract } from 'ethers';
import { registryContract, rewardContract, type ContractArtifact } from '../../src/main/services/trust/chain/artifacts';

/**
 * A local EVM for tests: Hardhat 2.29's in-process network (EDR), served over JSON-RPC
 * HTTP on 127.0.0.1 at a free port, with funded accounts of known keys. Hardhat's config,
 * cache and data folders point into a temp dir (so it never writes to $HOME), and
 * nothing is compiled or downloaded by Hardhat: the contracts come from the committed
 * solc artifacts in `resources/contracts/`.
 */

export const LOCAL_CHAIN_ID = 31337;

export interface LocalChain {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  chainId: number;
  /** An ethers provider on `url`. */
  provider: JsonRpcProvider;
  /** Funded accounts (10,000 ETH each), connected to `provider`. */
  accounts: Wallet[];
  /** Sends raw JSON-RPC, e.g. `hardhat_setBalance`. */
  send(method: string, params: unknown[]): Promise<unknown>;
  /** Deploys `MailyRegistry` and `MailyReward` from `deployer` (default: account 0). */
  deployMaily(
    deployer?: Wallet,
  ): Promise<{ registry: BaseContract; reward: BaseContract; registryAddress: string; rewardAddress: string }>;
  deploy(artifact: ContractArtifact, args: unknown[], deployer?: Wallet): Promise<BaseContract>;
  stop(): Promise<void>;
}

/** Keys of the funded test accounts (not Hardhat's well-known ones, but just as public). */
const accountKeys = Array.from({ length: 5 }, (_, i) => `0x${(i + 1).toString(16).padStart(2, '0').repeat(32)}`);

interface HardhatServer {
  listen(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

let requireHardhat: NodeJS.Require | null = null;

function loadHardhat(): NodeJS.Require {
  if (requireHardhat) return requireHardhat;
  const home = mkdtempSync(join(tmpdir(), 'maily-hardhat-'));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  process.env.XDG_DATA_HOME = join(home, 'data');
  process.env.HARDHAT_DISABLE_TELEMETRY_PROMPT = 'true';
  process.env.DO_NOT_TRACK = '1';
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  requireHardhat = createRequire(import.meta.url);
  return requireHardhat;
}

/** Starts a fresh chain (block 0, funded accounts). Stop it with `stop()`. */
export async function startLocalChain(options: { chainId?: number } = {}): Promise<LocalChain> {
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const req = loadHardhat();
  const { createHardhatNetworkProvider } = req('hardhat/internal/hardhat-network/provider/provider');
  const { JsonRpcServer } = req('hardhat/internal/hardhat-network/jsonrpc/server');
  const { defaultHardhatNetworkParams } = req('hardhat/internal/core/config/default-config');
  const hardhatProvider = await createHardhatNetworkProvider(
    {
      hardfork: 'cancun',
      chainId,
      networkId: chainId,
      blockGasLimit: 30_000_000,
      minGasPrice: 0n,
      automine: true,
      intervalMining: 0,
      mempoolOrder: 'priority',
      chains: defaultHardhatNetworkParams.chains,
      genesisAccounts: accountKeys.map((privateKey) => ({ privateKey, balance: 10n ** 22n })),
      allowUnlimitedContractSize: false,
      throwOnTransactionFailures: true,
      throwOnCallFailures: true,
      allowBlocksWithSameTimestamp: false,
      enableTransientStorage: false,
      enableRip7212: false,
    },
    { enabled: false },
  );
  const server: HardhatServer = new JsonRpcServer({ hostname: '127.0.0.1', port: 0, provider: hardhatProvider });
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  const provider = new JsonRpcProvider(url, Network.from(chainId), {
    staticNetwork: true,
    pollingInterval: 100,
    cacheTimeout: -1,
  });
  const accounts = accountKeys.map((key) => new Wallet(key, provider));
  const deploy = async (artifact: ContractArtifact, args: unknown[], deployer = accounts[0]) => {
    const factory = new ContractFactory(artifact.abi, artifact.bytecode, deployer);
    const contract = await factory.deploy(...args);
    await contract.waitForDeployment();
    return contract;
  };
  return {
    url,
    port,
    chainId,
    provider,
    accounts,
    send: (method, params) => provider.send(method, params),
    deploy,
    async deployMaily(deployer = accounts[0]) {
      const registry = await deploy(registryContract, [], deployer);
      const reward = await deploy(rewardContract, ['Maily Reward', 'MLY'], deployer);
      return {
        registry,
        reward,
        registryAddress: await registry.getAddress(),
        rewardAddress: await reward.getAddress(),
      };
    },
    async stop() {
      provider.destroy();
      await server.close();
    },
  };
}
