package com.example.notebookbackend;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The host's own endpoints, with the host's own error handling (Spring Boot's, here). */
@RestController
public class NotebookController {

    private final NotebookRepository notebooks;

    public NotebookController(NotebookRepository notebooks) {
        this.notebooks = notebooks;
    }

    @PostMapping("/notebooks")
    Notebook create(@RequestBody Map<String, String> body) {
        return notebooks.save(new Notebook(body.get("title")));
    }

    @GetMapping("/notebooks/{id}")
    Notebook get(@PathVariable long id) {
        return notebooks.findById(id).orElseThrow();
    }

    @GetMapping("/notebooks/broken")
    Notebook broken() {
        throw new IllegalStateException("the host's own failure");
    }
}
