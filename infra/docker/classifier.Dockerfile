# syntax=docker/dockerfile:1
# EventSync.Classifier: classifies reported sync failures into the error store.
# Build from the repository root:  docker build -f infra/docker/classifier.Dockerfile -t eventsync/classifier .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first from the project files alone: this layer is rebuilt only when a package or a reference changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY contracts/EventSync.Contracts/EventSync.Contracts.csproj contracts/EventSync.Contracts/
COPY services/EventSync.Core/EventSync.Core.csproj services/EventSync.Core/
COPY services/EventSync.Storage.Sqlite/EventSync.Storage.Sqlite.csproj services/EventSync.Storage.Sqlite/
COPY services/EventSync.Storage.MongoDb/EventSync.Storage.MongoDb.csproj services/EventSync.Storage.MongoDb/
COPY services/EventSync.ServiceDefaults/EventSync.ServiceDefaults.csproj services/EventSync.ServiceDefaults/
COPY services/EventSync.Classifier/EventSync.Classifier.csproj services/EventSync.Classifier/
RUN dotnet restore services/EventSync.Classifier/EventSync.Classifier.csproj
COPY contracts/ contracts/
COPY services/ services/
RUN dotnet publish services/EventSync.Classifier/EventSync.Classifier.csproj -c Release --no-restore -o /app -p:UseAppHost=false

# Alpine: a small runtime image that still has busybox wget for the health check (chiseled images have no tool to run one).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS runtime
WORKDIR /app
RUN mkdir /data && chown $APP_UID /data
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    EventSync__DataDir=/data \
    EventSync__Logging__Format=json
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "EventSync.Classifier.dll"]
