/** Public surface of entity extraction. */
export { extractEntities, type ExtractOptions } from './extract.ts';
export { findPhones, parse as parsePhone, DEFAULT_COUNTRIES } from './phones.ts';
export { findMessengers, mentionsMessenger } from './messengers.ts';
export { findPrices } from './prices.ts';
export { findRoutes } from './routes.ts';
export { foldForExtraction } from './entity-fold.ts';
export { PLACES, type Place, type PlaceRole } from './places.ts';
