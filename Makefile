# Used by `sam build` (template.yaml: BuildMethod makefile, CodeUri .): builds the Lambda jar with
# the Maven reactor (lambda-handler needs astrocloud-core from this repository) and puts it where
# Lambda's Java runtime looks for jars (lib/ of the deployment package).
JAR := lambda-handler/target/astrocloud-lambda.jar

build-IndexFunction build-QueueIndexFunction build-EventBridgeIndexFunction build-BatchIndexFunction:
	mvn -B -q -pl lambda-handler -am package -DskipTests
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"

.PHONY: build-IndexFunction build-QueueIndexFunction build-EventBridgeIndexFunction build-BatchIndexFunction
