import { validateJourney } from '../../../shared/journey';
import type { ValidationRequest, ValidationResponse } from './validator';

/** Journey validation off the UI thread: a 2,000-step journey takes tens of ms to check. */
self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const response: ValidationResponse = { id: event.data.id, problems: validateJourney(event.data.journey) };
  self.postMessage(response);
};
