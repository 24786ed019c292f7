/**
 * The knowledge base of known container-runtime issues and the engine that matches pastes to it.
 */
package dev.runtimedoctor.knowledge;
