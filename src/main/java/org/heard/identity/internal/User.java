package org.heard.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.heard.identity.Colleague;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "users")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "signs_as")
    private String signsAs;

    private boolean enabled = true;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    protected User() {}

    User(String email, String displayName, String passwordHash, Role role) {
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT);
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
        this.role = role;
    }

    Long id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    void changeRole(Role role) {
        this.role = role;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    @Nullable
    String signsAs() {
        return signsAs;
    }

    void signAs(@Nullable String signsAs) {
        this.signsAs = signsAs;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    SignedInUser signedIn() {
        return new SignedInUser(id, email, displayName, role, enabled, passwordHash);
    }

    Colleague colleague() {
        return new Colleague(id, displayName, email, role, signsAs);
    }
}
