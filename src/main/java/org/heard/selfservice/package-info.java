/**
 * Self-service by hashtag: customers post {@code #balance}, {@code #refund} and the like and get an instant
 * answer, a case, or, for anything about their account, a one-time link to connect it privately. Answers come
 * from the company's own systems over a configured HTTP lookup. Bots say they are bots, always offer a
 * person, and hand over with the whole context.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service")
package org.heard.selfservice;
