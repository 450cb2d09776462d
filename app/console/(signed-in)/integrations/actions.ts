"use server";

import { staffAction } from "@/lib/forms/staff-action";
import {
  createEndpoint,
  removeEndpoint,
  rotateEndpointSecret,
  setEndpointPaused,
} from "@/lib/integrations/endpoints";
import { redeliver } from "@/lib/integrations/deliveries";
import { sendTestDelivery } from "@/lib/integrations/dispatcher";
import {
  createEndpointSchema,
  endpointChangeSchema,
  pauseEndpointSchema,
  redeliverSchema,
  testDeliverySchema,
} from "@/lib/integrations/schemas";

const integrations = { permission: "integration:manage", revalidate: "/console/integrations" } as const;

export const createEndpointAction = staffAction(
  { ...integrations, schema: createEndpointSchema },
  createEndpoint,
);

export const rotateSecretAction = staffAction(
  { ...integrations, schema: endpointChangeSchema },
  rotateEndpointSecret,
);

export const pauseEndpointAction = staffAction(
  { ...integrations, schema: pauseEndpointSchema },
  setEndpointPaused,
);

export const removeEndpointAction = staffAction(
  { ...integrations, schema: endpointChangeSchema },
  removeEndpoint,
);

export const testDeliveryAction = staffAction(
  { ...integrations, schema: testDeliverySchema },
  sendTestDelivery,
);

// No revalidation: the retried row stays on screen with its "Sending it again now." until a reload,
// instead of vanishing from the list before the admin has read the answer.
export const redeliverAction = staffAction(
  { permission: "integration:manage", schema: redeliverSchema },
  redeliver,
);
