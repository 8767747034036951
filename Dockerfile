# syntax=docker/dockerfile:1
# BluezoneTracker built from this repository and run as a non-root user.
#   docker build -t bluezone-tracker .          (or: docker compose up --build, see docker-compose.yml)
# Stage 1 builds with the .NET SDK; stage 2 runs the published app on the ASP.NET Core runtime image.
# Checked in CI by tools/dockerfile-lint (tests/BluezoneTracker.Web.Tests/Deployment); see docs/decisions/076.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY wwwroot/ wwwroot/
# The NuGet cache survives between builds (BuildKit cache mount), so an edit does not download every package again.
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/BluezoneTracker.Web/BluezoneTracker.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl answers the HEALTHCHECK; the data folder holds the SQLite file when no PostgreSQL is configured.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown app:app /data
WORKDIR /app
COPY --from=build --chown=root:root /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Default="Data Source=/data/bluezone.db"
VOLUME /data
EXPOSE 8080
# "app" (uid 1654) is the unprivileged user of the .NET images; the app files stay root-owned and read-only to it.
USER app
# Liveness only: a store outage must not make the engine restart the container (docs/decisions/075).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "BluezoneTracker.Web.dll"]
