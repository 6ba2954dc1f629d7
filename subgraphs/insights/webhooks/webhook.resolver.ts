import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { PageInfo, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { CreateWebhookEndpointInput } from "./webhook.inputs.js";
import {
  CreatedWebhookEndpoint,
  RotatedWebhookSecret,
  WebhookAttemptType,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointType,
  WebhookEventKindType,
} from "./webhook.type.js";
import { WEBHOOK_EVENT_KINDS } from "./webhook-catalogue.js";
import { encodeDeliveryCursor } from "./webhook-delivery.store.js";

const MAX_PAGE = 100;

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("webhooks:read"))
  @Query(() => [WebhookEventKindType], { description: "The event kinds endpoints can subscribe to, and the scope each needs." })
  webhookEventKinds(): WebhookEventKindType[] {
    return WEBHOOK_EVENT_KINDS.map(WebhookEventKindType.from);
  }

  @Directive(scopes("webhooks:read"))
  @Query(() => [WebhookEndpointType], { description: "Your webhook endpoints, oldest first." })
  async webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpointType[]> {
    return (await this.deps.webhooks.list(requireUserId(ctx))).map(WebhookEndpointType.from);
  }

  @Directive(scopes("webhooks:read"))
  @Query(() => WebhookEndpointType, { description: "One of your endpoints, with its delivery log." })
  async webhookEndpoint(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await this.deps.webhooks.get(requireUserId(ctx), id));
  }

  @Directive(scopes("webhooks:read"))
  @FieldResolver(() => WebhookDeliveryConnection, { description: "Deliveries to this endpoint, newest first (1 to 100 per page)." })
  async deliveries(
    @Ctx() ctx: RequestContext,
    @Root() endpoint: WebhookEndpointType,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput(`first must be between 1 and ${MAX_PAGE}`, { field: "first" });
    const rows = await this.deps.webhookDeliveries.page(requireUserId(ctx), endpoint.id, first, after);
    const page = rows.slice(0, first);
    return Object.assign(new WebhookDeliveryConnection(), {
      nodes: page.map(WebhookDeliveryType.from),
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: rows.length > first,
        endCursor: page.length ? encodeDeliveryCursor(page.at(-1)!) : null,
      }),
    });
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => CreatedWebhookEndpoint, {
    description:
      "Adds an endpoint (at most 20). Only kinds your scopes allow (BAD_USER_INPUT on `events` otherwise); the URL must be " +
      "public (BAD_USER_INPUT on `url`). The signing secret is in this answer only.",
  })
  async createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ): Promise<CreatedWebhookEndpoint> {
    const caller = { userId: requireUserId(ctx), scopes: ctx.caller.scopes, apiKeyId: ctx.caller.apiKeyId };
    const { endpoint, secret } = await this.deps.webhooks.create(caller, input);
    return Object.assign(new CreatedWebhookEndpoint(), { endpoint: WebhookEndpointType.from(endpoint), secret });
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => WebhookEndpointType, { description: "Stops deliveries; events meanwhile are not queued for it." })
  async disableWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await this.deps.webhooks.setEnabled(requireUserId(ctx), id, false));
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => WebhookEndpointType, { description: "Resumes deliveries and clears the failure count." })
  async enableWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await this.deps.webhooks.setEnabled(requireUserId(ctx), id, true));
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => RotatedWebhookSecret, { description: "A new signing secret; the previous one keeps signing beside it for 24 hours." })
  async rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<RotatedWebhookSecret> {
    const { endpoint, secret } = await this.deps.webhooks.rotateSecret(requireUserId(ctx), id);
    return Object.assign(new RotatedWebhookSecret(), { endpoint: WebhookEndpointType.from(endpoint), secret });
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => WebhookDeliveryType, { description: "Sends a `ping` event now, once, and answers how the endpoint took it." })
  async testWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookDeliveryType> {
    return WebhookDeliveryType.from(await this.deps.webhooks.test(requireUserId(ctx), id));
  }

  @Directive(scopes("webhooks:write"))
  @Mutation(() => ID, { description: "Removes the endpoint and its delivery log; pending deliveries are dropped." })
  async deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<string> {
    return this.deps.webhooks.delete(requireUserId(ctx), id);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("webhooks:read"))
  @FieldResolver(() => [WebhookAttemptType], { description: "Every attempt, first to last." })
  async attemptLog(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDeliveryType): Promise<WebhookAttemptType[]> {
    return (await this.deps.webhookDeliveries.attempts(requireUserId(ctx), delivery.id)).map(WebhookAttemptType.from);
  }
}
