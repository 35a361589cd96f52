CREATE TABLE bare_note (
    id    BIGINT       NOT NULL AUTO_INCREMENT,
    title VARCHAR(200),
    PRIMARY KEY (id)
);
