# mintrender in a container: no Node.js, no network at build time, runs as a non-root user.
#
#   docker build -t mintrender .
#   docker run --rm -v "$PWD:/docs" mintrender check                  # findings, exit 1 on any
#   docker run --rm -v "$PWD:/docs" -p 3000:3000 mintrender serve     # http://localhost:3000
#   docker run --rm -v "$PWD:/docs" --user "$(id -u):$(id -g)" mintrender build   # writes _site/
FROM python:3.12-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY renderer renderer
COPY components components
COPY themes themes
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # `serve` listens on every interface of the container, so `-p 3000:3000` reaches it
    MINTRENDER_HOST=0.0.0.0
COPY --from=wheel /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin mintrender
USER mintrender
WORKDIR /docs
EXPOSE 3000
ENTRYPOINT ["mintrender"]
CMD ["check"]
