CREATE TABLE backend_notebook (
    id    BIGINT       NOT NULL AUTO_INCREMENT,
    title VARCHAR(200),
    PRIMARY KEY (id)
);
