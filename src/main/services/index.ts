import { CampaignService } from './campaigns/CampaignService';
import { DocService } from './docs/DocService';
import { Database } from './storage/Database';

export interface ServicesOptions {
  /** The workspace's SQLite file. */
  databaseFile: string;
  /** better-sqlite3 binary for this runtime. Defaults to the one in node_modules. */
  nativeBinding?: string;
}

/** Every domain service of the app, composed in dependency order. */
export interface Services {
  database: Database;
  docs: DocService;
  campaigns: CampaignService;
  /** Closes in reverse order: documents are compacted before the database closes. */
  dispose(): void;
}

/** Opens the workspace and builds the services on it. Plain Node: no electron here. */
export function createServices(options: ServicesOptions): Services {
  const database = new Database(options.databaseFile, { nativeBinding: options.nativeBinding });
  const docs = new DocService(database);
  const campaigns = new CampaignService(database, { docs });
  return {
    database,
    docs,
    campaigns,
    dispose() {
      campaigns.dispose();
      docs.dispose();
      database.dispose();
    },
  };
}
