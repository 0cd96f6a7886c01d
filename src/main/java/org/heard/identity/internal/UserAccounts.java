package org.heard.identity.internal;

import java.util.List;
import java.util.Optional;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, disables and finds the people who use Heard. */
@Service
class UserAccounts implements UserDetailsService, Colleagues {

    private final Users users;
    private final PasswordEncoder passwords;

    UserAccounts(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Transactional
    public User create(NewUser request) {
        if (users.findByEmail(request.email().trim()).isPresent()) {
            throw new Refused("Someone already signs in as " + request.email().trim() + ".");
        }
        return users.save(
                new User(request.email(), request.name(), passwords.encode(request.password()), request.role()));
    }

    @Transactional
    public User disable(long id, long actingUserId) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        if (user.id() == actingUserId) {
            throw new Refused("You cannot disable your own account; ask another admin.");
        }
        if (user.role() == Role.ADMIN && user.enabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new Refused("Heard needs at least one admin; make someone else admin first.");
        }
        user.disable();
        return user;
    }

    @Transactional
    public User enable(long id) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        user.enable();
        return user;
    }

    /** A person changes the name customers and colleagues see. */
    @Transactional
    public User rename(long id, String name) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        user.rename(NewUser.name(name));
        return user;
    }

    /** A person chooses how their replies are signed where the team signs with a name; blank signs with their name. */
    @Transactional
    public User signAs(long id, String signsAs) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        user.signAs(NewUser.signsAs(signsAs));
        return user;
    }

    /** A person changes their own password, proving they know the current one. */
    @Transactional
    public User changePassword(long id, String current, String chosen) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        if (current == null || !passwords.matches(current, user.signedIn().getPassword())) {
            throw new Refused("That is not your current password; nothing was changed.");
        }
        user.changePassword(passwords.encode(NewUser.password(chosen)));
        return user;
    }

    /** Sets a password chosen through an invitation; the caller has checked the invitation. */
    @Transactional
    void setPassword(long id, String passwordHash) {
        users.findById(id).orElseThrow(() -> new UserNotFound(id)).changePassword(passwordHash);
    }

    /** An admin gives someone another role; Heard always keeps one admin who can sign in. */
    @Transactional
    public User changeRole(long id, Role role) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        if (role == null) {
            throw new Refused("Choose a role: ADMIN, SUPERVISOR or AGENT.");
        }
        if (user.role() == Role.ADMIN
                && role != Role.ADMIN
                && user.enabled()
                && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new Refused("Heard needs at least one admin; make someone else admin first.");
        }
        user.changeRole(role);
        return user;
    }

    @Transactional(readOnly = true)
    public List<User> all() {
        return users.findAllByOrderByDisplayNameAsc();
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email)
                .map(User::signedIn)
                .orElseThrow(() -> new UsernameNotFoundException("No user signs in as " + email));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Colleague> find(long id) {
        return users.findById(id).map(User::colleague);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> active() {
        return users.findByEnabledTrueOrderByDisplayNameAsc().stream()
                .map(User::colleague)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<User> byId(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }
}
