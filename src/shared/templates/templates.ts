import type * as Y from 'yjs';
import { body, buildJourney, email } from './build';

/** The starter journeys the new-campaign dialog offers. */
export const templateIds = ['welcome', 'abandonedCart', 'reEngagement', 'eventInvitation'] as const;
export type TemplateId = (typeof templateIds)[number];

export const templateInfo: Record<TemplateId, { title: string; description: string }> = {
  welcome: {
    title: 'Welcome series',
    description: 'Three emails over a week for new sign-ups, stopping when they activate',
  },
  abandonedCart: { title: 'Abandoned cart', description: 'Remind shoppers who left items behind; stop when they buy' },
  reEngagement: { title: 'Re-engagement', description: 'Win back inactive contacts with an A/B-tested offer' },
  eventInvitation: {
    title: 'Event invitation',
    description: 'Invite, remind the day before at 9:00 local time, then follow up',
  },
};

const shop = 'https://shop.example.com';

const builders: Record<TemplateId, () => Y.Doc> = {
  welcome: () =>
    buildJourney(
      [
        {
          key: 'entry',
          kind: 'entry',
          at: [0, 1],
          data: { label: 'Signed up', trigger: { type: 'event', event: 'signed_up', filter: '' } },
        },
        {
          key: 'e1',
          kind: 'email',
          at: [1, 1],
          data: email('Welcome', 'Welcome to Maily, {{first_name | "friend"}}!', 'Three things to try first'),
          body: body('Welcome aboard', 'Here is how to get started in five minutes.', 'Get started', `${shop}/start`),
        },
        {
          key: 'd1',
          kind: 'delay',
          at: [2, 1],
          data: { label: 'Two days later', wait: { mode: 'fixed', amount: 2, unit: 'days' } },
        },
        {
          key: 'c1',
          kind: 'condition',
          at: [3, 1],
          data: { label: 'Activated?', attribute: 'activated', operator: 'equals', value: 'true' },
        },
        {
          key: 'e2',
          kind: 'email',
          at: [4, 2],
          data: email('Tips', '{{first_name | "Hi"}}, a few tips to get more from Maily', 'Small steps, big results'),
          body: body(
            'Make it yours',
            'Invite your team and draw your first journey together.',
            'Invite your team',
            `${shop}/team`,
          ),
        },
        {
          key: 'd2',
          kind: 'delay',
          at: [5, 2],
          data: { label: 'Five days later', wait: { mode: 'fixed', amount: 5, unit: 'days' } },
        },
        {
          key: 'e3',
          kind: 'email',
          at: [6, 2],
          data: email('Check-in', 'How is it going, {{first_name | "there"}}?', 'We would love your feedback'),
          body: body('We are here to help', 'Reply to this email with any question.', 'Book a call', `${shop}/help`),
        },
        { key: 'goal', kind: 'goal', at: [4, 0], data: { label: 'Activated', type: 'goal', event: 'activated' } },
        { key: 'exit', kind: 'goal', at: [7, 2], data: { label: 'Series done', type: 'exit', event: '' } },
      ],
      [
        ['entry', 'out', 'e1'],
        ['e1', 'out', 'd1'],
        ['d1', 'out', 'c1'],
        ['c1', 'yes', 'goal'],
        ['c1', 'no', 'e2'],
        ['e2', 'out', 'd2'],
        ['d2', 'out', 'e3'],
        ['e3', 'out', 'exit'],
      ],
    ),
  abandonedCart: () =>
    buildJourney(
      [
        {
          key: 'entry',
          kind: 'entry',
          at: [0, 1],
          data: { label: 'Cart abandoned', trigger: { type: 'event', event: 'cart_abandoned', filter: '' } },
        },
        {
          key: 'w1',
          kind: 'waitUntil',
          at: [1, 1],
          data: { label: 'Bought within 4 hours?', event: 'order_placed', timeoutAmount: 4, timeoutUnit: 'hours' },
        },
        {
          key: 'e1',
          kind: 'email',
          at: [2, 2],
          data: email('Reminder', 'You left something behind, {{first_name | "there"}}', 'Your cart is saved'),
          body: body(
            'Still thinking it over?',
            'Your items are waiting in your cart.',
            'Return to cart',
            `${shop}/cart`,
          ),
        },
        {
          key: 'w2',
          kind: 'waitUntil',
          at: [3, 2],
          data: { label: 'Bought within a day?', event: 'order_placed', timeoutAmount: 1, timeoutUnit: 'days' },
        },
        {
          key: 'e2',
          kind: 'email',
          at: [4, 3],
          data: email('Last call', '10% off your cart, today only', 'Use code COMEBACK10'),
          body: body(
            'A little nudge',
            'Complete your order today and save 10% with COMEBACK10.',
            'Complete my order',
            `${shop}/cart`,
          ),
        },
        {
          key: 'bought',
          kind: 'goal',
          at: [4, 0],
          data: { label: 'Order placed', type: 'goal', event: 'order_placed' },
        },
        { key: 'exit', kind: 'goal', at: [5, 3], data: { label: 'No purchase', type: 'exit', event: '' } },
      ],
      [
        ['entry', 'out', 'w1'],
        ['w1', 'event', 'bought'],
        ['w1', 'timeout', 'e1'],
        ['e1', 'out', 'w2'],
        ['w2', 'event', 'bought'],
        ['w2', 'timeout', 'e2'],
        ['e2', 'out', 'exit'],
      ],
    ),
  reEngagement: () =>
    buildJourney(
      [
        {
          key: 'entry',
          kind: 'entry',
          at: [0, 1],
          data: { label: 'Inactive 90 days', trigger: { type: 'segment', segment: 'inactive_90d', reentry: false } },
        },
        {
          key: 'ab',
          kind: 'abSplit',
          at: [1, 1],
          data: {
            label: 'Offer test',
            metric: 'click',
            variants: [
              { id: 'a', name: 'Discount', percent: 45 },
              { id: 'b', name: 'News', percent: 45 },
            ],
            controlPercent: 10,
          },
        },
        {
          key: 'ea',
          kind: 'email',
          at: [2, 0],
          data: email('Discount', 'We miss you, {{first_name | "friend"}}: 20% off', 'A welcome-back gift'),
          body: body(
            'Come back for 20% off',
            'Here is a welcome-back gift, valid for a week.',
            'Claim my discount',
            `${shop}/back`,
          ),
        },
        {
          key: 'eb',
          kind: 'email',
          at: [2, 1],
          data: email('News', 'What is new since you left', 'Five things we built for you'),
          body: body(
            'A lot has changed',
            'See what we have built since your last visit.',
            'See what is new',
            `${shop}/new`,
          ),
        },
        {
          key: 'tag',
          kind: 'updateProfile',
          at: [2, 2],
          data: { label: 'Mark as control', attribute: 'tags', operation: 'addTag', value: 'reengagement_control' },
        },
        {
          key: 'w',
          kind: 'waitUntil',
          at: [3, 1],
          data: { label: 'Came back within a week?', event: 'session_started', timeoutAmount: 7, timeoutUnit: 'days' },
        },
        { key: 'won', kind: 'goal', at: [4, 0], data: { label: 'Re-engaged', type: 'goal', event: 'session_started' } },
        {
          key: 'sunset',
          kind: 'updateProfile',
          at: [4, 2],
          data: { label: 'Sunset', attribute: 'subscribed', operation: 'set', value: 'false' },
        },
        { key: 'exit', kind: 'goal', at: [5, 2], data: { label: 'Unsubscribed', type: 'exit', event: '' } },
      ],
      [
        ['entry', 'out', 'ab'],
        ['ab', 'a', 'ea'],
        ['ab', 'b', 'eb'],
        ['ab', 'control', 'tag'],
        ['ea', 'out', 'w'],
        ['eb', 'out', 'w'],
        ['tag', 'out', 'w'],
        ['w', 'event', 'won'],
        ['w', 'timeout', 'sunset'],
        ['sunset', 'out', 'exit'],
      ],
    ),
  eventInvitation: () =>
    buildJourney(
      [
        {
          key: 'entry',
          kind: 'entry',
          at: [0, 1],
          data: { label: 'Invite list', trigger: { type: 'segment', segment: 'event_invitees', reentry: false } },
        },
        {
          key: 'inv',
          kind: 'email',
          at: [1, 1],
          data: email('Invitation', 'You are invited, {{first_name | "friend"}}', 'Join us on 12 March'),
          body: body(
            'Join us on 12 March',
            'An evening of talks and drinks with the team.',
            'Reserve my seat',
            `${shop}/event`,
          ),
        },
        {
          key: 'w',
          kind: 'waitUntil',
          at: [2, 1],
          data: { label: 'Registered?', event: 'registered', timeoutAmount: 5, timeoutUnit: 'days' },
        },
        {
          key: 'day',
          kind: 'delay',
          at: [3, 0],
          data: { label: 'Day before, 9:00 local', wait: { mode: 'until', date: '2027-03-11', time: '09:00' } },
        },
        {
          key: 'rem',
          kind: 'email',
          at: [4, 0],
          data: email('Reminder', 'See you tomorrow, {{first_name | "friend"}}!', 'Doors open at 18:00'),
          body: body('See you tomorrow', 'Doors open at 18:00. Bring a friend!', 'Get directions', `${shop}/event/map`),
        },
        { key: 'att', kind: 'goal', at: [5, 0], data: { label: 'Registered', type: 'goal', event: 'registered' } },
        {
          key: 'last',
          kind: 'email',
          at: [3, 2],
          data: email('Last chance', 'Last seats left', 'Registration closes Friday'),
          body: body('Last seats left', 'Registration closes on Friday.', 'Reserve my seat', `${shop}/event`),
        },
        { key: 'exit', kind: 'goal', at: [4, 2], data: { label: 'Did not register', type: 'exit', event: '' } },
      ],
      [
        ['entry', 'out', 'inv'],
        ['inv', 'out', 'w'],
        ['w', 'event', 'day'],
        ['day', 'out', 'rem'],
        ['rem', 'out', 'att'],
        ['w', 'timeout', 'last'],
        ['last', 'out', 'exit'],
      ],
    ),
};

/** A new document holding the template's journey and its emails. */
export function buildTemplate(id: TemplateId): Y.Doc {
  return builders[id]();
}
