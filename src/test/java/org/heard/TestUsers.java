package org.heard;

/** The people the integration tests sign in as. */
public final class TestUsers {

    public static final String ADMIN_EMAIL = "admin@heard.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** The brand the customers of the test application know (heard.brand.name). */
    public static final String BRAND_NAME = "Northwind Care";

    private TestUsers() {}
}
