/**
 * People who work in Heard: users with roles, sign-in with a form or an API token, and the first
 * administrator. Other modules learn who is signed in through {@link org.heard.identity.SignedInUser}
 * and look colleagues up through {@link org.heard.identity.Colleagues}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.heard.identity;
