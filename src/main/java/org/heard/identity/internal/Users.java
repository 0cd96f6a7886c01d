package org.heard.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Users extends ListCrudRepository<User, Long> {

    @Query("select u from User u where lower(u.email) = lower(?1)")
    Optional<User> findByEmail(String email);

    List<User> findAllByOrderByDisplayNameAsc();

    List<User> findByEnabledTrueOrderByDisplayNameAsc();

    long countByRoleAndEnabledTrue(org.heard.identity.Role role);
}
