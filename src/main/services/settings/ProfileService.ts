import { userInfo } from 'node:os';
import { profileSchema, type Profile } from '../../../shared/collab/team';
import type { SettingsStore } from './SettingsStore';

const KEY = 'profile';
const palette = ['#e5484d', '#f76b15', '#ffc53d', '#30a46c', '#12a594', '#0090ff', '#6e56cf', '#d6409f'];

function defaultProfile(): Profile {
  let name = 'Designer';
  try {
    name = userInfo().username.slice(0, 60) || name;
  } catch {
    // No user database entry (some containers): keep the generic name.
  }
  const colour = palette[Math.floor(Math.random() * palette.length)];
  return { name, colour };
}

/** Who this designer is to teammates: the name and colour presence shows. */
export class ProfileService {
  readonly #settings: SettingsStore;
  readonly #listeners = new Set<(profile: Profile) => void>();

  constructor(settings: SettingsStore) {
    this.#settings = settings;
  }

  get(): Profile {
    const stored = this.#settings.read(KEY, profileSchema, null as Profile | null);
    return stored ?? this.#settings.write(KEY, defaultProfile());
  }

  set(profile: Profile): Profile {
    const saved = this.#settings.write(KEY, profileSchema.parse(profile));
    for (const listener of [...this.#listeners]) listener(saved);
    return saved;
  }

  onChanged(listener: (profile: Profile) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
