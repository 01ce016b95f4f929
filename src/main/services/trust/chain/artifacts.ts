import { Interface, type InterfaceAbi } from 'ethers';
import registryArtifact from '../../../../../resources/contracts/MailyRegistry.json';
import rewardArtifact from '../../../../../resources/contracts/MailyReward.json';

/**
 * The compiled contracts (`node scripts/compile-contracts.mjs` writes these from the
 * Solidity in `resources/contracts/`; a unit test fails when they are out of date).
 */
export interface ContractArtifact {
  contractName: string;
  abi: InterfaceAbi;
  bytecode: string;
}

export const registryContract = registryArtifact as ContractArtifact;
export const rewardContract = rewardArtifact as ContractArtifact;

export const registryInterface = new Interface(registryContract.abi);
export const rewardInterface = new Interface(rewardContract.abi);
