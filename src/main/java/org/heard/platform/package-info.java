/**
 * What every module stands on: the database Heard starts for itself when none is configured, the
 * {@link org.heard.platform.Refused} every module throws when it turns a person's request down, the
 * problem-detail answers of the API, and the page layout. It holds no domain of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.heard.platform;
