package org.heard.identity.internal;

import java.util.List;
import java.util.Optional;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.Role;
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
            throw new IllegalArgumentException(
                    "Someone already signs in as " + request.email().trim() + ".");
        }
        return users.save(
                new User(request.email(), request.name(), passwords.encode(request.password()), request.role()));
    }

    @Transactional
    public User disable(long id, long actingUserId) {
        var user = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        if (user.id() == actingUserId) {
            throw new IllegalArgumentException("You cannot disable your own account; ask another admin.");
        }
        if (user.role() == Role.ADMIN && user.enabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new IllegalArgumentException("Heard needs at least one admin; make someone else admin first.");
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
