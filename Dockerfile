# Runtime image for a self-contained publish (no SDK image needed):
#   dotnet publish src/BluezoneTracker.Web -c Release -r linux-x64 --self-contained -o artifacts/publish
#   docker compose up --build
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libicu72 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 bluezone \
    && mkdir -p /data && chown bluezone /data
WORKDIR /app
COPY artifacts/publish/ ./
USER bluezone
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Default="Data Source=/data/bluezone.db"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["./BluezoneTracker.Web"]
