/** The journey model, its rules and its validation: what every process agrees on. */
export * from './kinds';
export * from './model';
export * from './connections';
export * from './validate';
