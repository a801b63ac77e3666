import type { FormDefinition } from './formDefinition';

/** A guided request to start, with the choices already made. */
export interface RequestOffer {
  formId: string;
  prefill: Record<string, string>;
}

/**
 * What an entry's `request` names: a dialog (the training request), or a choice of one
 * (`tracing` of the request for assistance). Resolved once from the dialog files.
 */
export class ServiceRequests {
  private readonly offers = new Map<string, RequestOffer>();

  constructor(forms: readonly FormDefinition[]) {
    for (const form of forms) {
      this.offers.set(form.id, { formId: form.id, prefill: {} });
      for (const field of form.fields) {
        if (field.type !== 'choice') continue;
        for (const choice of field.choices) if (!this.offers.has(choice.value)) this.offers.set(choice.value, { formId: form.id, prefill: { [field.id]: choice.value } });
      }
    }
  }

  offerFor(request: string | undefined): RequestOffer | undefined {
    return request === undefined ? undefined : this.offers.get(request);
  }
}
