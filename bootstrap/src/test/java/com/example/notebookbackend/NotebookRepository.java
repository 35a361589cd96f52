package com.example.notebookbackend;

import org.springframework.data.jpa.repository.JpaRepository;

/** The host's own repository, found by Spring Boot's scanning of the host's package. */
public interface NotebookRepository extends JpaRepository<Notebook, Long> {
}
