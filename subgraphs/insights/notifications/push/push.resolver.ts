import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../../platform/graphql/index.js";
import type { InsightsDeps } from "../../insights.deps.js";
import { PushSubscriptionType, RegisterPushSubscriptionInput } from "./push-subscription.type.js";
import { validPushSubscription } from "./push-subscription.validation.js";

@Resolver()
export class PushResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => String, { description: "The VAPID public key (URL-safe base64) to pass to PushManager.subscribe as applicationServerKey." })
  vapidPublicKey(@Ctx() context: RequestContext): string {
    requireUserId(context);
    return this.deps.pushConfig.publicKey;
  }

  @Directive(scopes("insights:read"))
  @Query(() => [PushSubscriptionType], { description: "Your browsers that receive push notifications, oldest first." })
  async pushSubscriptions(@Ctx() context: RequestContext): Promise<PushSubscriptionType[]> {
    return (await this.deps.pushSubscriptions.list(requireUserId(context))).map(PushSubscriptionType.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => PushSubscriptionType, {
    description: "Registers a browser for push notifications; the same endpoint again updates its keys. At most 10 per user.",
  })
  async registerPushSubscription(
    @Ctx() context: RequestContext,
    @Arg("input", () => RegisterPushSubscriptionInput) input: RegisterPushSubscriptionInput,
  ): Promise<PushSubscriptionType> {
    const userId = requireUserId(context);
    const valid = validPushSubscription(input, this.deps.pushConfig.allowLoopbackHttp);
    return PushSubscriptionType.from(await this.deps.pushSubscriptions.register(userId, valid));
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => Boolean, { description: "Stops push notifications to one of your browsers." })
  async removePushSubscription(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    await this.deps.pushSubscriptions.remove(requireUserId(context), id);
    return true;
  }
}
